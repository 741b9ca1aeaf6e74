import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobQueues } from '@redress/jobs';
import { EventPublisher } from '@redress/messaging';
import { correlation } from '@redress/observability';
import { TransactionRunner } from '@redress/persistence';
import { DELIVERY_ATTEMPTS, DELIVERY_QUEUE, type DeliveryJob } from '../delivery/delivery-queue.js';
import { Mailer } from '../delivery/mailer.js';
import { NotificationEntity } from '../persistence/notification.entity.js';

/**
 * Sends one stored notification. The database decides: a message already SENT or FAILED is never
 * sent again; the SMTP acceptance is remembered on the job, so a retry after a database hiccup only
 * records the delivery. `notification.sent` commits with the SENT status (outbox).
 */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeliveryProcessor.name);

  constructor(
    private readonly jobs: JobQueues,
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly mailer: Mailer,
  ) {}

  onApplicationBootstrap(): void {
    const worker = this.jobs.worker(DELIVERY_QUEUE, (job: Job<DeliveryJob>) => correlation.run(job.data.correlationId, () => this.deliver(job)), {
      concurrency: 20,
    });
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= DELIVERY_ATTEMPTS) void this.giveUp(job.data, error);
    });
  }

  async deliver(job: Job<DeliveryJob>): Promise<void> {
    const notification = await this.transactions.manager.findOneBy(NotificationEntity, { id: job.data.notificationId });
    if (!notification || notification.status !== 'QUEUED') return;
    if (!job.data.accepted) {
      try {
        await this.mailer.send({ to: notification.recipient, subject: notification.subject, text: notification.body, messageId: `<${notification.id}@redress>` });
      } catch (error) {
        await this.recordAttempt(notification.id, (error as Error).message);
        throw error;
      }
      await job.updateData({ ...job.data, accepted: true });
    }
    await this.markSent(notification.id);
  }

  private async markSent(id: string): Promise<void> {
    await this.transactions.run(async (db) => {
      const notification = await db.findOne(NotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!notification || notification.status !== 'QUEUED') return;
      Object.assign(notification, { status: 'SENT', sentAt: new Date(), attempts: notification.attempts + 1, lastError: null });
      await db.save(notification);
      await this.publishOutcome('notification.sent', notification);
      this.logger.log({ msg: 'notification sent', notificationId: id, kind: notification.kind, complaintId: notification.complaintId, attempts: notification.attempts });
    });
  }

  private async recordAttempt(id: string, error: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'QUEUED'`, [id, error.slice(0, 500)]);
  }

  private async giveUp(job: DeliveryJob, error: Error): Promise<void> {
    await correlation.run(job.correlationId, () =>
      this.transactions.run(async (db) => {
        const notification = await db.findOne(NotificationEntity, { where: { id: job.notificationId }, lock: { mode: 'pessimistic_write' } });
        if (!notification || notification.status !== 'QUEUED') return;
        Object.assign(notification, { status: 'FAILED', lastError: error.message.slice(0, 500) });
        await db.save(notification);
        await this.publishOutcome('notification.failed', notification);
        this.logger.error(`notification ${notification.id} failed after ${notification.attempts} attempts: ${error.message}`);
      }),
    ).catch((failure: Error) => this.logger.error(`could not record the failure of ${job.notificationId}: ${failure.message}`));
  }

  private publishOutcome(type: 'notification.sent' | 'notification.failed', notification: NotificationEntity) {
    return this.events.publish({
      type,
      complaintId: notification.complaintId,
      reference: notification.reference,
      actor: null,
      data: { notificationId: notification.id, kind: notification.kind, channel: notification.channel, causeEventId: notification.causeEventId, attempts: notification.attempts },
    });
  }
}
