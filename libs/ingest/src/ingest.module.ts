import { Module } from '@nestjs/common';
import { AcceptMention } from './accept-mention/accept-mention.usecase';
import { MentionsController } from './mentions.controller';

/** Listen: the public door through which mentions enter the platform. */
@Module({ controllers: [MentionsController], providers: [AcceptMention] })
export class IngestModule {}
