import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { DeliveryQueue, type DeliveryJob } from '../delivery/delivery-queue.js';
import { DeliveryOutcomes } from '../delivery/delivery-outcomes.js';

const STUCK_AFTER_SECONDS = 10;

/**
 * PostgreSQL is the truth, Redis only a work list: Redis keeps nothing across a restart here, an enqueue
 * can fail after its transaction committed, and recording a final outcome can fail too. So every QUEUED
 * message older than a few seconds is checked: no job → enqueued again (same job id, so no double);
 * a job that failed for good → its outcome recorded (SENT if the server had accepted it, else FAILED).
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly delivery: DeliveryQueue,
    private readonly outcomes: DeliveryOutcomes,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.settings.sweepIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const rows: { id: string; correlation_id: string }[] = await this.transactions.manager.query(
        `SELECT id, correlation_id FROM notifications
          WHERE status = 'QUEUED' AND created_at < now() - make_interval(secs => $1)
          ORDER BY created_at LIMIT 500`,
        [STUCK_AFTER_SECONDS],
      );
      let repaired = 0;
      for (const row of rows) if (await this.repair(row.id, row.correlation_id)) repaired += 1;
      return repaired;
    } catch (error) {
      this.logger.warn(`sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }

  private async repair(id: string, correlationId: string): Promise<boolean> {
    const job = await this.delivery.queue.getJob(id);
    if (!job) {
      await this.delivery.enqueue(id, correlationId);
      return true;
    }
    if (!(await job.isFailed())) return false;
    if ((job.data as DeliveryJob).accepted) await this.outcomes.sent(id);
    else await this.outcomes.failed(id, job.failedReason || 'delivery failed');
    return true;
  }
}
