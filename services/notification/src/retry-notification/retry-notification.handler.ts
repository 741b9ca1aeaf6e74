import { Injectable, Logger } from '@nestjs/common';
import { Conflict, NotFound, input } from '@redress/errors';
import { correlation } from '@redress/observability';
import { TransactionRunner } from '@redress/persistence';
import { DeliveryQueue } from '../delivery/delivery-queue.js';
import { ERASED } from '../erase-customer/erase-customer.handler.js';
import { NotificationEntity } from '../persistence/notification.entity.js';

/** Staff send a FAILED message again (e.g. after the customer's mailbox was fixed): QUEUED, then delivered. */
@Injectable()
export class RetryNotificationHandler {
  private readonly logger = new Logger(RetryNotificationHandler.name);

  constructor(private readonly transactions: TransactionRunner, private readonly delivery: DeliveryQueue) {}

  async execute(rawId: string, staffId: string | null): Promise<NotificationEntity> {
    const id = input.uuid('id', rawId);
    return this.transactions.run(async (db) => {
      const notification = await db.findOne(NotificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!notification) throw new NotFound('Notification', id);
      if (notification.status !== 'FAILED') throw new Conflict(`Only a FAILED notification can be retried; this one is ${notification.status}`);
      // Notification.complaintId is non-null in the contract; a trend alert belongs to no complaint.
      if (!notification.complaintId) throw new Conflict('This message is not about a complaint (a trend alert) and cannot be retried here');
      if (notification.recipient === ERASED) throw new Conflict('The recipient was erased; this notification can no longer be sent');
      // The failed job holds the id; it goes before the commit, so the sweeper never mistakes it for this retry's outcome.
      await this.delivery.queue.remove(id);
      notification.status = 'QUEUED';
      await db.save(notification);
      const correlationId = correlation.idOrNew();
      this.transactions.afterCommit(() => {
        this.delivery.enqueue(id, correlationId).catch((error: Error) => this.logger.warn(`enqueue of ${id} failed (${error.message}); the sweeper will retry`));
      });
      this.logger.log({ msg: 'notification retried by staff', notificationId: id, staffId, kind: notification.kind });
      return notification;
    });
  }
}
