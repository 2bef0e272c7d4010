import { Inject, Injectable } from '@nestjs/common';
import { createEvent, EventEnvelope, MentionReceivedPayload } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { classifyText } from '../classify-text';

/** Classifies a received mention and publishes `mentions.classified` (same id on redelivery). */
@Injectable()
export class ClassifyMention {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  async execute(event: EventEnvelope<MentionReceivedPayload>): Promise<void> {
    const { mention } = event.payload;
    const classification = classifyText(mention.text);
    await this.bus.publish(
      'mentions.classified',
      createEvent('mentions.classified', {
        tenantId: event.tenantId,
        correlationId: event.correlationId,
        key: event.key,
        causationId: event.eventId,
        payload: { mention, classification },
      }),
    );
  }
}
