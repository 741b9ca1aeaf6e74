import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { COMPLAINT_CONTACT, type ComplaintContact, type EventEnvelope } from '@redress/contracts';
import { RpcClient } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { DeliveryQueue } from '../delivery/delivery-queue.js';
import { renderAcknowledgement } from '../templates/acknowledgement.template.js';

/**
 * On `complaint.received`: ask intake for the contact details (events carry none), render the
 * acknowledgement and store it in the same transaction as the inbox row; enqueue it once committed.
 */
@Injectable()
export class AcknowledgeReceiptHandler {
  private readonly logger = new Logger(AcknowledgeReceiptHandler.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rpc: RpcClient,
    private readonly delivery: DeliveryQueue,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {}

  async execute(event: EventEnvelope<'complaint.received'>): Promise<void> {
    const contact = await this.rpc.request<ComplaintContact>('intake', COMPLAINT_CONTACT, { complaintId: event.complaintId });
    const email = renderAcknowledgement(contact, this.config.publicUrl);
    await this.transactions.run(async (db) => {
      const [row] = await db.query(
        `INSERT INTO notifications (id, complaint_id, reference, kind, channel, recipient, subject, body, status, cause_event_id, cause_key, correlation_id)
         VALUES ($1, $2, $3, 'ACKNOWLEDGEMENT', 'EMAIL', $4, $5, $6, 'QUEUED', $7, $8, $9)
         ON CONFLICT (cause_key) DO NOTHING RETURNING id`,
        [randomUUID(), contact.complaintId, contact.reference, contact.email, email.subject, email.text, event.id,
          `${event.id}:ACKNOWLEDGEMENT:${contact.email}`, event.correlationId],
      );
      if (!row) return this.logger.log(`acknowledgement for ${event.id} already stored`);
      this.transactions.afterCommit(() => {
        this.delivery.enqueue(row.id, event.correlationId).catch((error: Error) =>
          this.logger.warn(`enqueue of ${row.id} failed (${error.message}); the sweeper will retry`),
        );
      });
    });
  }
}
