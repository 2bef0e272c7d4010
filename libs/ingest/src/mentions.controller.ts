import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CanonicalMention } from '@cxm/contracts';
import { CurrentPrincipal, Principal, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import type { FastifyReply } from 'fastify';
import { AcceptMentionBatch } from './accept-batch/accept-mention-batch.usecase';
import { BatchResult, MentionBatch } from './accept-batch/mention-batch.dto';
import { AcceptMention, AcceptMentionResult } from './accept-mention/accept-mention.usecase';
import { IngestProtectionGuard } from './protection/ingest-protection.guard';

@ApiTags('mentions')
@Controller('v1/mentions')
@UseGuards(IngestProtectionGuard)
@ApiTooManyRequestsResponse({ description: "Over the tenant's ingest rate: problem details, `Retry-After` seconds" })
@ApiServiceUnavailableResponse({ description: 'Ingest saturated (the bus is slow): problem details, `Retry-After` seconds; nothing stored' })
@ApiPayloadTooLargeResponse({ description: 'Body over the size limit (256 kB; 16 MB for the batch route): problem details' })
export class MentionsController {
  constructor(
    private readonly acceptMention: AcceptMention,
    private readonly acceptBatch: AcceptMentionBatch,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Submit a canonical mention. 202 once durably stored; a repeat of (tenant, channel, externalId) answers 200 with the same id; a later editedAt with a changed text is an edit (202, edited: true).',
  })
  @ApiAcceptedResponse({ description: 'Accepted and durably stored: `{id, duplicate: false}`; an edit: `{id, duplicate: false, edited: true}`' })
  @ApiOkResponse({ description: 'Already accepted at this revision: `{id, duplicate: true}`' })
  @ApiBadRequestResponse({ description: 'Problem details naming each bad field' })
  async submit(
    @Body() mention: CanonicalMention,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AcceptMentionResult> {
    this.tenants.resolve(principal, mention.tenantId, 'tenantId');
    const result = await this.acceptMention.execute(mention);
    response.status(result.duplicate ? HttpStatus.OK : HttpStatus.ACCEPTED);
    return result;
  }

  @Post('batch')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Submit many canonical mentions (bulk import). Each item is validated and accepted on its own and answered with its own status (202, 200 duplicate, 400, 403, 503, 500); a 202 item is durably stored.',
  })
  @ApiOkResponse({ type: BatchResult, description: 'One result per item, in order, and the counts' })
  @ApiBadRequestResponse({ description: 'The envelope is wrong (no `items`, too many): nothing was stored' })
  submitBatch(@Body() batch: MentionBatch, @CurrentPrincipal() principal: Principal): Promise<BatchResult> {
    return this.acceptBatch.execute(batch.items, principal);
  }
}
