import { Body, Controller, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CanonicalMention } from '@cxm/contracts';
import { CurrentPrincipal, Principal, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import type { Response } from 'express';
import { AcceptMention, AcceptMentionResult } from './accept-mention/accept-mention.usecase';

@ApiTags('mentions')
@Controller('v1/mentions')
export class MentionsController {
  constructor(
    private readonly acceptMention: AcceptMention,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit a canonical mention. 202 once durably stored; a repeat of (tenant, channel, externalId) answers 200 with the same id.' })
  @ApiAcceptedResponse({ description: 'Accepted and durably stored: `{id}`' })
  @ApiOkResponse({ description: 'Already accepted before: `{id, duplicate: true}`' })
  @ApiBadRequestResponse({ description: 'Problem details naming each bad field' })
  async submit(
    @Body() mention: CanonicalMention,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcceptMentionResult> {
    this.tenants.resolve(principal, mention.tenantId, 'tenantId');
    const result = await this.acceptMention.execute(mention);
    response.status(result.duplicate ? HttpStatus.OK : HttpStatus.ACCEPTED);
    return result;
  }
}
