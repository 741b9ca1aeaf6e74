import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';

/**
 * Keeps investigation's copy of a complaint current: the assessed category (routing matches it against
 * the roster) and the cycle a reopen starts. Events come in any order, so each one creates the copy if
 * `complaint.received` is still on its way; a late event never moves the cycle or the assessment back.
 */
@Injectable()
export class UpdateComplaintCopyHandler {
  constructor(private readonly transactions: TransactionRunner) {}

  async assessed(event: EventEnvelope<'complaint.assessed'>): Promise<void> {
    const { category, severity, cycle } = event.data;
    await this.transactions.run((db) =>
      db.query(
        `INSERT INTO complaints (id, reference, cycle, category, severity, assessed_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET
           category = CASE WHEN complaints.assessed_at IS NULL OR complaints.assessed_at < EXCLUDED.assessed_at THEN EXCLUDED.category ELSE complaints.category END,
           severity = CASE WHEN complaints.assessed_at IS NULL OR complaints.assessed_at < EXCLUDED.assessed_at THEN EXCLUDED.severity ELSE complaints.severity END,
           assessed_at = GREATEST(complaints.assessed_at, EXCLUDED.assessed_at),
           cycle = GREATEST(complaints.cycle, EXCLUDED.cycle)`,
        [event.complaintId, event.reference, cycle, category, severity, event.occurredAt],
      ),
    );
  }

  async reopened(event: EventEnvelope<'complaint.reopened'>): Promise<void> {
    await this.transactions.run((db) =>
      db.query(
        `INSERT INTO complaints (id, reference, cycle) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET cycle = GREATEST(complaints.cycle, EXCLUDED.cycle)`,
        [event.complaintId, event.reference, event.data.cycle],
      ),
    );
  }
}
