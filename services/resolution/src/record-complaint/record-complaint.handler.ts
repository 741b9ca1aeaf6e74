import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';

/**
 * On `complaint.received`: keep the few facts resolution needs about the complaint, once. A copy an
 * earlier event or mutation already made keeps its (newer) cycle.
 */
@Injectable()
export class RecordComplaintHandler {
  private readonly logger = new Logger(RecordComplaintHandler.name);

  constructor(private readonly transactions: TransactionRunner) {}

  async execute(event: EventEnvelope<'complaint.received'>): Promise<void> {
    if (!event.complaintId || !event.reference) {
      this.logger.warn(`complaint.received ${event.id} has no complaint id or reference; nothing to record`);
      return;
    }
    const { cycle, category, severity, receivedAt, customerId } = event.data;
    await this.transactions.run((db) =>
      db.query(
        `INSERT INTO complaints (id, reference, cycle, category, severity, received_at, customer_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET
           received_at = EXCLUDED.received_at,
           customer_id = COALESCE(complaints.customer_id, EXCLUDED.customer_id),
           category = COALESCE(complaints.category, EXCLUDED.category),
           severity = COALESCE(complaints.severity, EXCLUDED.severity)
         WHERE complaints.received_at IS NULL`,
        [event.complaintId, event.reference, cycle, category ?? null, severity ?? null, receivedAt, customerId],
      ),
    );
  }
}
