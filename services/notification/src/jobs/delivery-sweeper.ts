import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import { DeliveryQueue } from '../delivery/delivery-queue.js';

const SWEEP_INTERVAL_MS = 15_000;
const STUCK_AFTER_SECONDS = 10;

/**
 * Redis keeps nothing across a restart here, and an enqueue can fail after its transaction committed:
 * every QUEUED notification older than a few seconds is enqueued again (same job id, so no double).
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly transactions: TransactionRunner, private readonly delivery: DeliveryQueue) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
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
      for (const row of rows) await this.delivery.enqueue(row.id, row.correlation_id);
      return rows.length;
    } catch (error) {
      this.logger.warn(`sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
