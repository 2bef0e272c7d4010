import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { AcknowledgeRoutedCase } from './acknowledge-case/acknowledge-routed-case.usecase';
import { DeliverReply } from './deliver-reply/deliver-reply.usecase';

@Injectable()
export class ResponderConsumers implements OnModuleInit {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly acknowledgeRoutedCase: AcknowledgeRoutedCase,
    private readonly deliverReply: DeliverReply,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe({ group: 'responder', topic: 'cases.routed', handler: (event) => this.acknowledgeRoutedCase.execute(event) });
    this.bus.subscribe({ group: 'responder-delivery', topic: 'replies.requested', handler: (event) => this.deliverReply.execute(event) });
  }
}
