import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';

/** On `complaint.reopened`: a new cycle starts (never moving back, whatever order the events come in). */
@Injectable()
export class ComplaintReopenedHandler {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute(event: EventEnvelope<'complaint.reopened'>): Promise<void> {
    await this.transactions.run((db) =>
      db.query(
        `INSERT INTO complaints (id, reference, cycle) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET cycle = GREATEST(complaints.cycle, EXCLUDED.cycle)`,
        [event.complaintId, event.reference, event.data.cycle],
      ),
    );
  }
}
