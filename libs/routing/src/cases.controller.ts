import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFoundProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { SUPPORT_CASES, SupportCase } from './support-case';

@ApiTags('cases')
@Controller('v1/cases')
export class CasesController {
  private readonly cases: DocumentCollection<SupportCase>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {
    this.cases = store.collection<SupportCase>(SUPPORT_CASES);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case: its queue, priority, status and mentions' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<SupportCase> {
    const found = await this.cases.get(this.tenants.resolve(principal, tenant), id);
    if (!found) throw notFoundProblem(`no case ${id}`);
    return found.doc;
  }
}
