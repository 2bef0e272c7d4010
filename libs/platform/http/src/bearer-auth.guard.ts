import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Who is calling: the operator (every tenant) or a client bound to one tenant. */
export type Principal = { kind: 'admin' } | { kind: 'tenant'; tenantId: string };

export interface TokenSettings {
  adminToken: string;
  /** token → tenantId */
  apiTokens: Record<string, string>;
}

export const TOKEN_SETTINGS = Symbol('TOKEN_SETTINGS');
const PUBLIC_ROUTE = 'cxm:public-route';

/** Marks a route that needs no token (health probes, platform webhooks with their own signatures). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Every route needs `Authorization: Bearer <token>` unless marked public: secure by default, so a
 * new controller cannot be exposed by forgetting a decorator. Tokens are compared as digests in
 * constant time.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly adminDigest: Buffer;
  private readonly tenantByDigest: Map<string, string>;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SETTINGS) settings: TokenSettings,
  ) {
    this.adminDigest = digest(settings.adminToken);
    this.tenantByDigest = new Map(Object.entries(settings.apiTokens).map(([token, tenant]) => [digest(token).toString('hex'), tenant]));
  }

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('Authorization: Bearer <token> is required');
    request.principal = this.identify(match[1]);
    return true;
  }

  private identify(token: string): Principal {
    const presented = digest(token);
    if (timingSafeEqual(presented, this.adminDigest)) return { kind: 'admin' };
    const tenantId = this.tenantByDigest.get(presented.toString('hex'));
    if (tenantId) return { kind: 'tenant', tenantId };
    throw new UnauthorizedException('The bearer token is not valid');
  }
}
