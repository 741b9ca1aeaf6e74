import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import { WebhookQueue } from '../delivery/webhook-queue.js';

const INSERT = `
  INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, complaint_id, body, status, correlation_id)
  SELECT gen_random_uuid(), w.id, $1, $2, $3, $4, 'QUEUED', $5 FROM webhooks w
   WHERE w.active AND w.event_types @> ARRAY[$2]::text[]
  ON CONFLICT (webhook_id, event_id) DO NOTHING
  RETURNING id`;

/**
 * Every event, for every active webhook subscribed to its type: one delivery row in the event's inbox
 * transaction (unique per webhook and event), sent after commit. The body is the envelope exactly as
 * published on RabbitMQ; it carries no personal data (SPEC §6).
 */
@Injectable()
export class FanOutWebhooksHandler {
  private readonly logger = new Logger(FanOutWebhooksHandler.name);

  constructor(private readonly transactions: TransactionRunner, private readonly queue: WebhookQueue) {}

  async execute(event: EventEnvelope): Promise<void> {
    await this.transactions.run(async (db) => {
      const rows: { id: string }[] = await db.query(INSERT, [event.id, event.type, event.complaintId, JSON.stringify(event), event.correlationId]);
      if (!rows.length) return;
      this.transactions.afterCommit(() => {
        for (const { id } of rows) {
          this.queue.enqueue(id, event.correlationId).catch((error: Error) => this.logger.warn(`enqueue of webhook delivery ${id} failed (${error.message}); the sweeper will retry`));
        }
      });
    });
  }
}

