import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from './bearer-auth.guard';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Liveness and readiness probes for Kubernetes and for people: no token needed. */
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @PublicRoute()
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @PublicRoute()
  @Get('readyz')
  async readyz(): Promise<{ status: 'ready'; checks: Record<string, boolean> }> {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, await c.check().catch(() => false)] as const));
    const checks = Object.fromEntries(results);
    if (results.some(([, ok]) => !ok)) throw new ServiceUnavailableException({ message: 'not ready', checks });
    return { status: 'ready', checks };
  }
}
