import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, HttpAdapterHost } from '@nestjs/core';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import {
  BearerAuthGuard,
  createValidationPipe,
  HealthController,
  LOGGER,
  ProblemDetailsFilter,
  ProblemObservers,
  READINESS_CHECKS,
  TENANT_ACCESS,
  TenantAccess,
  TOKEN_SETTINGS,
} from '@cxm/platform-http';
import { MENTION_INDEX, MentionIndex } from '@cxm/platform-index';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentStore } from '@cxm/platform-store';
import { ForegroundActivity } from '@cxm/platform-embedded';
import type { Server } from 'node:http';
import { PlatformAdapters } from './create-platform-adapters';
import { drainHttpRequests } from './drain-http-requests';

const FOREGROUND_ACTIVITY = Symbol('FOREGROUND_ACTIVITY');
const DRAINS = Symbol('DRAINS');
/**
 * Longest wait for the requests in progress at shutdown: a bulk batch is answered within a second
 * or two; a streaming export may not be, and must not hold a pod past its grace period (45 s).
 */
const HTTP_DRAIN_TIMEOUT_MS = 20_000;

export interface PlatformModuleOptions {
  config: PlatformConfig;
  logger: Logger;
  adapters: PlatformAdapters;
}

/**
 * Starts consuming once every module has subscribed, and stops cleanly: first the requests in
 * progress are answered (no new connections meanwhile), then the consumers commit their in-flight
 * work and the bus closes, then the stores.
 */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(MENTION_INDEX) private readonly index: MentionIndex,
    @Inject(FOREGROUND_ACTIVITY) private readonly foreground: ForegroundActivity,
    @Inject(DRAINS) private readonly drains: (() => Promise<void>)[],
    private readonly http: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // A module built without an HTTP server (a test's) has no adapter to drain.
    const server = this.http.httpAdapter?.getHttpServer() as Server | undefined;
    // First what hands requests to this server (the all-in-one's replicas), while it still takes them.
    for (const drain of this.drains) await drain();
    await drainHttpRequests(server, this.foreground, HTTP_DRAIN_TIMEOUT_MS);
    await this.bus.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.store.close(), this.index.close()]);
  }
}

/**
 * The platform every service runs on: configuration, logger, the three ports with their adapters,
 * and the HTTP conventions (bearer auth on every route, problem details, validation, health).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { config, logger } = options;
    const { adapters } = options;
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: EVENT_BUS, useValue: adapters.bus },
        { provide: DOCUMENT_STORE, useValue: adapters.store },
        { provide: MENTION_INDEX, useValue: adapters.index },
        { provide: FOREGROUND_ACTIVITY, useValue: adapters.foreground },
        { provide: DRAINS, useValue: adapters.drains },
        { provide: TOKEN_SETTINGS, useValue: { adminToken: config.adminToken, apiTokens: config.apiTokens } },
        { provide: TENANT_ACCESS, useValue: new TenantAccess(config.tenants) },
        { provide: READINESS_CHECKS, useValue: adapters.readiness },
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: ProblemObservers, useValue: new ProblemObservers() },
        PlatformLifecycle,
      ],
      exports: [PLATFORM_CONFIG, LOGGER, EVENT_BUS, DOCUMENT_STORE, MENTION_INDEX, TENANT_ACCESS, ProblemObservers],
    };
  }
}
