import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Inject } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { EraseMention, ErasureReceipt } from './erase-mention.usecase';

@ApiTags('mentions')
@Controller('v1/mentions')
export class ErasureController {
  constructor(
    private readonly eraseMention: EraseMention,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {}

  @Delete(':id')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Erase a mention for privacy (admin or the tenant): it leaves search and its story at once, every service deletes its copy (mentions.erased), and no reindex brings it back',
  })
  @ApiAcceptedResponse({ description: '{id, status: erasing|erased, erasedAt}: the erasure is durably requested' })
  erase(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<ErasureReceipt> {
    return this.eraseMention.request(this.tenants.resolve(principal, tenant), id, principal.kind);
  }
}
