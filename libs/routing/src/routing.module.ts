import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { RouteMentionConsumer } from './route-mention/route-mention.consumer';
import { RouteMention } from './route-mention/route-mention.usecase';

/** Route: every mention that needs action becomes (part of) a case in the right queue. */
@Module({ controllers: [CasesController], providers: [RouteMention, RouteMentionConsumer] })
export class RoutingModule {}
