import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { ClassifyMention } from './classify-mention.usecase';

@Injectable()
export class ClassifyMentionConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly classifyMention: ClassifyMention,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe({ group: 'classifier', topic: 'mentions.raw', handler: (event) => this.classifyMention.execute(event) });
  }
}
