import { Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PublicRoute } from '@cxm/platform-http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InboundDelivery } from '../connectors/channel-connector';
import { IngestProtectionGuard } from '../protection/ingest-protection.guard';
import { ReceiveWebhook, WebhookReceipt } from './receive-webhook.usecase';

/**
 * Where platforms deliver. No bearer token: each call is authenticated by the channel's own
 * signature or the tenant's shared secret (docs/adr/0009). The body arrives as raw bytes.
 */
@ApiTags('webhooks')
@ApiSecurity({})
// The same rate limit (keyed by the path's tenant), backpressure and latency metrics as POST /v1/mentions.
@UseGuards(IngestProtectionGuard)
@Controller('v1/webhooks/:tenantId/:channel')
export class WebhooksController {
  constructor(private readonly receiveWebhook: ReceiveWebhook) {}

  @PublicRoute()
  @Get()
  @ApiOperation({ summary: "The platform's verification handshake: Meta's hub.challenge (echoed as text/plain when hub.verify_token matches), X's crc_token (answered with response_token)" })
  @ApiOkResponse({ description: 'The challenge answer' })
  @ApiForbiddenResponse({ description: 'The verify token does not match' })
  @ApiNotFoundResponse({ description: 'Unknown tenant or channel, or the channel is not set up for the tenant' })
  async handshake(@Param('tenantId') tenantId: string, @Param('channel') channel: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<string> {
    const answer = await this.receiveWebhook.handshake({ tenantId, channel, delivery: deliveryOf(request) });
    // The challenge is the caller's own text echoed back: never let a browser sniff it as HTML.
    response.status(200).type(withCharset(answer.contentType ?? 'text/plain')).header('X-Content-Type-Options', 'nosniff');
    return answer.body;
  }

  @PublicRoute()
  @Post()
  @HttpCode(200)
  @ApiConsumes('application/json', 'message/rfc822', 'application/octet-stream')
  @ApiBody({ description: "The platform's native payload, as the exact bytes it signed (JSON for most channels; see docs/channels)", schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: "A platform's delivery, in its native format, authenticated by its signature; each mention in it is accepted once (a redelivery counts as duplicates)" })
  @ApiOkResponse({ description: '`{accepted, duplicates, mentions: [{id, channel, externalId, duplicate}]}`, once every mention is durably stored' })
  @ApiBadRequestResponse({ description: 'The payload does not map: `errors` names the native field' })
  @ApiUnauthorizedResponse({ description: 'No signature (or no secret set to check it)' })
  @ApiForbiddenResponse({ description: 'The signature does not match the body' })
  @ApiNotFoundResponse({ description: 'Unknown tenant or channel, or the channel is not set up for the tenant' })
  @ApiPayloadTooLargeResponse({ description: "Over the channel's body limit" })
  receive(@Param('tenantId') tenantId: string, @Param('channel') channel: string, @Req() request: FastifyRequest): Promise<WebhookReceipt> {
    return this.receiveWebhook.receive({ tenantId, channel, delivery: deliveryOf(request) });
  }
}

/** The call as connectors see it: lower-cased single-valued headers and query, the exact body bytes. */
function deliveryOf(request: FastifyRequest): InboundDelivery {
  return {
    // HEAD reaches the GET handler (Fastify answers HEAD with the GET route): it is a handshake probe, not a delivery.
    method: request.method === 'POST' ? 'POST' : 'GET',
    headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value[0] : value])),
    query: Object.fromEntries(Object.entries(request.query as Record<string, unknown>).map(([name, value]) => [name, typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined])),
    rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
  };
}

/** A text answer says it is UTF-8, as it is. */
function withCharset(type: string): string {
  return /;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`;
}
