import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NotificationKind } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import type { Audience } from '../domain/notification-plan.js';
import type { RenderedMessage } from '../templates/template-catalog.js';
import { DeliveryQueue } from './delivery-queue.js';

/** A rendered message ready to be stored and sent. */
export interface NotificationDraft {
  complaintId: string | null;
  reference: string | null;
  kind: NotificationKind;
  audience: Audience;
  customerId: string | null;
  recipient: string;
  template: string;
  message: RenderedMessage;
  unsubscribeUrl: string | null;
  causeEventId: string;
  causeKey: string;
  correlationId: string;
}

const INSERT = `
  INSERT INTO notifications (id, complaint_id, reference, kind, channel, audience, customer_id, recipient, template, locale,
                             subject, body, html, unsubscribe_url, status, cause_event_id, cause_key, correlation_id)
  VALUES ($1, $2, $3, $4, 'EMAIL', $5, $6, $7, $8, $9, $10, $11, $12, $13, 'QUEUED', $14, $15, $16)
  ON CONFLICT (cause_key) DO NOTHING RETURNING id`;

/**
 * Stores messages in the caller's transaction (the event's inbox transaction) and enqueues them once it
 * commits, with the row id as job id. A cause key seen before stores nothing: that message exists.
 */
@Injectable()
export class NotificationStore {
  private readonly logger = new Logger(NotificationStore.name);

  constructor(private readonly transactions: TransactionRunner, private readonly delivery: DeliveryQueue) {}

  async store(drafts: NotificationDraft[]): Promise<string[]> {
    const stored: string[] = [];
    await this.transactions.run(async (db) => {
      for (const d of drafts) {
        const [row] = await db.query(INSERT, [
          randomUUID(), d.complaintId, d.reference, d.kind, d.audience, d.customerId, d.recipient, d.template, d.message.locale,
          d.message.subject, d.message.text, d.message.html, d.unsubscribeUrl, d.causeEventId, d.causeKey, d.correlationId,
        ]);
        if (row) stored.push(row.id);
        else this.logger.log({ msg: 'message already stored for this cause', kind: d.kind, complaintId: d.complaintId, causeEventId: d.causeEventId });
      }
      const correlationId = drafts[0]?.correlationId;
      if (stored.length) this.transactions.afterCommit(() => this.enqueue(stored, correlationId!));
    });
    return stored;
  }

  private enqueue(ids: string[], correlationId: string): void {
    for (const id of ids) {
      this.delivery.enqueue(id, correlationId).catch((error: Error) =>
        this.logger.warn(`enqueue of ${id} failed (${error.message}); the sweeper will retry`),
      );
    }
  }
}
