import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import { AuditSealer } from '../audit-trail/audit-sealer.js';
import { DetectSpikesHandler } from '../trend-alerts/detect-spikes.handler.js';
import { RefreshComplaintsHandler } from '../project-complaints/refresh-complaints.handler.js';

/**
 * Appends an event to the event store exactly as it was published, and brings the complaint's read
 * model up to date in the same transaction. The inbox already stops a redelivery; the primary key with
 * `ON CONFLICT DO NOTHING` keeps the store free of duplicates even when an event arrives by another
 * path (an operator's replay from the dead-letter queue).
 */
@Injectable()
export class RecordEventHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly refresh: RefreshComplaintsHandler,
    private readonly sealer: AuditSealer,
    private readonly spikes: DetectSpikesHandler,
  ) {}

  async execute(event: EventEnvelope): Promise<void> {
    await this.transactions.run(async (db) => {
      const inserted: unknown[] = await db.query(
        `INSERT INTO event_store (id, type, version, complaint_id, reference, occurred_at, correlation_id, actor_id, actor_role, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, event.type, event.version, event.complaintId, event.reference, event.occurredAt, event.correlationId,
          event.actor?.id ?? null, event.actor?.role ?? null, JSON.stringify(event.data)],
      );
      if (!inserted.length) return;
      this.transactions.afterCommit(() => this.sealer.poke());
      if (event.complaintId) await this.spikes.execute(await this.refresh.execute([event.complaintId]));
    });
  }
}
