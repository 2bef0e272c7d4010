import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { RouteMention } from './route-mention.usecase';

@Injectable()
export class RouteMentionConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly routeMention: RouteMention,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe({ group: 'routing', topic: 'profiles.updated', handler: (event) => this.routeMention.execute(event) });
  }
}
