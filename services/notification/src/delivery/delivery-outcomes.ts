import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryStatus, NotificationChannel, NotificationKind } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';

interface Settled {
  id: string;
  complaint_id: string | null;
  reference: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  cause_event_id: string;
  attempts: number;
}

/**
 * Records what became of a message, only while it is still QUEUED (one conditional UPDATE, so a late or
 * repeated outcome changes nothing); `notification.sent` / `notification.failed` commit with the status.
 */
@Injectable()
export class DeliveryOutcomes {
  private readonly logger = new Logger(DeliveryOutcomes.name);

  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  async sent(id: string): Promise<void> {
    const notification = await this.settle(id, 'SENT', `sent_at = now(), attempts = attempts + 1, last_error = NULL`, []);
    if (notification) this.logger.log({ msg: 'notification sent', notificationId: id, kind: notification.kind, complaintId: notification.complaint_id, attempts: notification.attempts });
  }

  async failed(id: string, error: string): Promise<void> {
    const notification = await this.settle(id, 'FAILED', `last_error = $3`, [error.slice(0, 500)]);
    if (notification) this.logger.error({ msg: 'notification failed for good', notificationId: id, kind: notification.kind, attempts: notification.attempts, error });
  }

  /** A failed attempt that will be retried: counted, and its error kept for staff. */
  async attemptFailed(id: string, error: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE notifications SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'QUEUED'`, [id, error.slice(0, 500)]);
  }

  private async settle(id: string, status: Exclude<DeliveryStatus, 'QUEUED'>, set: string, parameters: unknown[]): Promise<Settled | null> {
    return this.transactions.run(async (db) => {
      // TypeORM returns [rows, count] for UPDATE … RETURNING.
      const [[notification]]: [Settled[], number] = await db.query(
        `UPDATE notifications SET status = $2, ${set} WHERE id = $1 AND status = 'QUEUED'
         RETURNING id, complaint_id, reference, kind, channel, cause_event_id, attempts`,
        [id, status, ...parameters],
      );
      if (!notification) return null;
      await this.events.publish({
        type: status === 'SENT' ? 'notification.sent' : 'notification.failed',
        complaintId: notification.complaint_id,
        reference: notification.reference,
        actor: null,
        data: { notificationId: notification.id, kind: notification.kind, channel: notification.channel, causeEventId: notification.cause_event_id, attempts: notification.attempts },
      });
      return notification;
    });
  }
}
