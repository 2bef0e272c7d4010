import { Inject, Injectable, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { LOGGER } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { EvaluateMonitors } from './evaluate-monitors.usecase';

/**
 * Runs the evaluator every CXM_ALERT_EVALUATE_INTERVAL_MS (15 s by default: a spike is seen within
 * one interval plus the index's refresh). A tick that outlasts the interval is not overlapped by
 * the next one, which is skipped instead.
 */
@Injectable()
export class AlertScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly evaluate: EvaluateMonitors,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const { evaluatorEnabled, evaluateIntervalMs } = this.config.explorer.alerts;
    if (!evaluatorEnabled) return;
    this.timer = setInterval(() => this.runOnce(), evaluateIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): void {
    if (this.running) return;
    this.running = this.evaluate
      .tick()
      .catch((error: unknown) => this.logger.error({ err: error }, 'alert evaluation tick failed'))
      .finally(() => (this.running = undefined));
  }
}
