import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { TransactionRunner } from '@redress/persistence';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { DeliveryOutcomes } from '../delivery/delivery-outcomes.js';
import { DeliveryQueue, type DeliveryJob } from '../delivery/delivery-queue.js';
import { WebhookOutcomes } from '../delivery/webhook-outcomes.js';
import { WebhookQueue } from '../delivery/webhook-queue.js';

const STUCK_AFTER_SECONDS = 10;

/** A table of work whose rows wait as QUEUED, and the BullMQ queue that carries them. */
interface Ledger {
  name: string;
  table: 'notifications' | 'webhook_deliveries';
  queue: Queue;
  enqueue(id: string, correlationId: string): Promise<void>;
  /** The job failed for good but the row still waits: record the final outcome. */
  settle(id: string, job: Job): Promise<void>;
}

/**
 * PostgreSQL is the truth, Redis only a work list: Redis keeps nothing across a restart here, an enqueue
 * can fail after its transaction committed, and recording a final outcome can fail too. So every QUEUED
 * email or webhook delivery older than a few seconds is checked: no job → enqueued again (same job id, so
 * no double); a job that failed for good → its outcome recorded.
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private readonly ledgers: Ledger[];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transactions: TransactionRunner,
    emails: DeliveryQueue,
    emailOutcomes: DeliveryOutcomes,
    webhooks: WebhookQueue,
    webhookOutcomes: WebhookOutcomes,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {
    this.ledgers = [
      {
        name: 'email', table: 'notifications', queue: emails.queue, enqueue: (id, c) => emails.enqueue(id, c),
        // Accepted by the SMTP server before the worker lost track: it was sent.
        settle: (id, job) => ((job.data as DeliveryJob).accepted ? emailOutcomes.sent(id) : emailOutcomes.failed(id, job.failedReason || 'delivery failed')),
      },
      { name: 'webhook', table: 'webhook_deliveries', queue: webhooks.queue, enqueue: (id, c) => webhooks.enqueue(id, c), settle: (id, job) => webhookOutcomes.failed(id, job.failedReason || 'delivery failed') },
    ];
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.settings.sweepIntervalMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** How many rows it repaired (re-enqueued or settled). */
  async sweep(): Promise<number> {
    let repaired = 0;
    for (const ledger of this.ledgers) {
      try {
        const rows: { id: string; correlation_id: string }[] = await this.transactions.manager.query(
          `SELECT id, correlation_id FROM ${ledger.table}
            WHERE status = 'QUEUED' AND created_at < now() - make_interval(secs => $1)
            ORDER BY created_at LIMIT 500`,
          [STUCK_AFTER_SECONDS],
        );
        for (const row of rows) if (await this.repair(ledger, row.id, row.correlation_id)) repaired += 1;
      } catch (error) {
        this.logger.warn(`${ledger.name} sweep failed: ${(error as Error).message}`);
      }
    }
    return repaired;
  }

  private async repair(ledger: Ledger, id: string, correlationId: string): Promise<boolean> {
    const job = await ledger.queue.getJob(id);
    if (!job) {
      await ledger.enqueue(id, correlationId);
      return true;
    }
    if (!(await job.isFailed())) return false;
    await ledger.settle(id, job);
    return true;
  }
}
