import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { NotificationEntity } from '../persistence/notification.entity.js';

/**
 * Records what became of a message, under a row lock and only while it is still QUEUED, so a late or
 * repeated outcome changes nothing; `notification.sent` / `notification.failed` commit with the status.
 */
@Injectable()
export class DeliveryOutcomes {
  private readonly logger = new Logger(DeliveryOutcomes.name);

  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  async sent(id: string): Promise<void> {
    await this.settle(id, async (notification) => {
      Object.assign(notification, { status: 'SENT', sentAt: new Date(), attempts: notification.attempts + 1, lastError: null });
      this.logger.log({ msg: 'notification sent', notificationId: id, kind: notification.kind, complaintId: notification.complaintId, attempts: notification.attempts });
      return 'notification.sent';
    });
  }

  async failed(id: string, error: string): Promise<void> {
    await this.settle(id, async (notification) => {
      Object.assign(notification, { status: 'FAILED', lastError: error.slice(0, 500) });
      this.logger.error({ msg: 'notification failed for good', notificationId: id, kind: notification.kind, attempts: notification.attempts, error });
      return 'notification.failed';
    });
  }

  /** A failed attempt that will be retried: counted, and its error kept for staff. */
  async attemptFailed(id: string, error: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'QUEUED'`, [id, error.slice(0, 500)]);
  }

  private async settle(id: string, change: (n: NotificationEntity) => Promise<'notification.sent' | 'notification.failed'>): Promise<void> {
    await this.transactions.run(async (db) => {
      const notification = await db.findOne(NotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!notification || notification.status !== 'QUEUED') return;
      const type = await change(notification);
      await db.save(notification);
      await this.events.publish({
        type,
        complaintId: notification.complaintId,
        reference: notification.reference,
        actor: null,
        data: { notificationId: notification.id, kind: notification.kind, channel: notification.channel, causeEventId: notification.causeEventId, attempts: notification.attempts },
      });
    });
  }
}
