import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { AcknowledgeRoutedCase } from './acknowledge-case/acknowledge-routed-case.usecase';
import { DeliverReply } from './deliver-reply/deliver-reply.usecase';
import { OUTBOUND_CHANNEL } from './outbound/outbound-channel.port';
import { OutboundWebhookChannel } from './outbound/outbound-webhook.adapter';
import { RepliesController } from './request-reply/replies.controller';
import { RequestReply } from './request-reply/request-reply.usecase';
import { ResponderConsumers } from './responder.consumers';

/** Respond: automatic acknowledgements and agents' replies, delivered once through the outbound channel. */
@Module({
  controllers: [RepliesController],
  providers: [
    RequestReply,
    DeliverReply,
    AcknowledgeRoutedCase,
    ResponderConsumers,
    {
      provide: OUTBOUND_CHANNEL,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig) =>
        new OutboundWebhookChannel({ webhooks: config.responder.outboundWebhooks, timeoutMs: config.responder.deliveryTimeoutMs }),
    },
  ],
})
export class ResponderModule {}
