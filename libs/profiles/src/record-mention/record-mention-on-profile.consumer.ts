import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { RecordMentionOnProfile } from './record-mention-on-profile.usecase';

@Injectable()
export class RecordMentionOnProfileConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly recordMention: RecordMentionOnProfile,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe({ group: 'profile', topic: 'mentions.classified', handler: (event) => this.recordMention.execute(event) });
  }
}
