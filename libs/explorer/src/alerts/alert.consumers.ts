import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { DeliverAlertWebhook } from './deliver-alert-webhook.usecase';

/** Webhook calls run off `alerts.fired`, so a slow receiver never holds up the evaluator. */
@Injectable()
export class AlertConsumers implements OnModuleInit {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly deliver: DeliverAlertWebhook,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe({ group: 'explorer-alert-webhooks', topic: 'alerts.fired', handler: (event) => this.deliver.execute(event) });
  }
}
