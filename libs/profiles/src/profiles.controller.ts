import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFoundProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { CUSTOMER_PROFILES, CustomerProfile } from './customer-profile';

@ApiTags('profiles')
@Controller('v1/profiles')
export class ProfilesController {
  private readonly profiles: DocumentCollection<CustomerProfile>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {
    this.profiles = store.collection<CustomerProfile>(CUSTOMER_PROFILES);
  }

  @Get(':id')
  @ApiOperation({ summary: "A customer's profile with its timeline of mentions" })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<CustomerProfile> {
    const found = await this.profiles.get(this.tenants.resolve(principal, tenant), id);
    if (!found) throw notFoundProblem(`no profile ${id}`);
    return found.doc;
  }
}
