import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LOGGER, PublicRoute } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';

interface SandboxDelivery {
  channel: string;
  idempotencyKey?: string;
  receivedAt: string;
  /** How many times this key arrived: more than 1 means the platform deduplicated a retry. */
  times: number;
  body: unknown;
}

const KEEP = 500;

/**
 * A stand-in social platform for the all-in-one: when no outbound webhook is configured, replies
 * are "delivered" here, so a newcomer sees the whole lifecycle without any external account.
 * Like a real platform it deduplicates on the Idempotency-Key.
 */
@ApiTags('sandbox')
@Controller('sandbox/outbound')
export class SandboxOutboundController {
  private readonly deliveries = new Map<string, SandboxDelivery>();

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  @PublicRoute()
  @Post(':channel')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  receive(@Param('channel') channel: string, @Body() body: unknown, @Headers('idempotency-key') idempotencyKey?: string): { ok: true } {
    const key = idempotencyKey ?? `anonymous-${this.deliveries.size}`;
    const seen = this.deliveries.get(key);
    if (seen) {
      seen.times += 1;
    } else {
      this.deliveries.set(key, { channel, idempotencyKey, receivedAt: new Date().toISOString(), times: 1, body });
      if (this.deliveries.size > KEEP) this.deliveries.delete(this.deliveries.keys().next().value!);
      this.logger.info({ channel, idempotencyKey }, 'sandbox platform received a reply');
    }
    return { ok: true };
  }

  @Get()
  @ApiOperation({ summary: 'Replies the sandbox platform received (all-in-one only, newest last)' })
  list(): { items: SandboxDelivery[] } {
    return { items: [...this.deliveries.values()] };
  }
}
