import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedRequest, Principal } from './bearer-auth.guard';
import { forbiddenProblem, validationProblem } from './problem-details';

export const TENANT_HEADER = 'x-tenant-id';

/**
 * Decides which tenant a request acts for. A tenant token acts only for its own tenant; the admin
 * token names one with `X-Tenant-Id` (or, when a single tenant is configured, gets that one).
 */
export class TenantAccess {
  constructor(private readonly tenants: readonly string[]) {}

  resolve(principal: Principal | undefined, requested: string | undefined, field = TENANT_HEADER): string {
    if (!principal) throw forbiddenProblem('no authenticated principal');
    const tenantId = requested ?? (principal.kind === 'tenant' ? principal.tenantId : this.soleTenant());
    if (!tenantId) throw validationProblem([{ field, message: `name the tenant (one of: ${this.tenants.join(', ')})` }]);
    if (!this.tenants.includes(tenantId)) throw validationProblem([{ field, message: `unknown tenant "${tenantId}"` }]);
    if (principal.kind === 'tenant' && principal.tenantId !== tenantId) throw forbiddenProblem(`this token may not act for tenant "${tenantId}"`);
    return tenantId;
  }

  private soleTenant(): string | undefined {
    return this.tenants.length === 1 ? this.tenants[0] : undefined;
  }
}

export const TENANT_ACCESS = Symbol('TENANT_ACCESS');

/** The caller's principal, set by BearerAuthGuard. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
});

/** The `X-Tenant-Id` header, if sent. */
export const RequestedTenant = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const value = context.switchToHttp().getRequest<AuthenticatedRequest>().headers[TENANT_HEADER];
  return Array.isArray(value) ? value[0] : value;
});
