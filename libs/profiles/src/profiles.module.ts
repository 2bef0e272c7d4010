import { Module } from '@nestjs/common';
import { ProfilesController } from './profiles.controller';
import { RecordMentionOnProfileConsumer } from './record-mention/record-mention-on-profile.consumer';
import { RecordMentionOnProfile } from './record-mention/record-mention-on-profile.usecase';

/** Profile: one record per customer, with the timeline of everything they said. */
@Module({ controllers: [ProfilesController], providers: [RecordMentionOnProfile, RecordMentionOnProfileConsumer] })
export class ProfilesModule {}
