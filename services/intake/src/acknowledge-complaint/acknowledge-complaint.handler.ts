import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { lockComplaintIfAny, saveComplaint } from '../persistence/complaint-lock.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { StatusProjection } from '../status-projection/status-projection.js';

/**
 * Step 2 of the process: once the acknowledgement email has gone out, the complaint is ACKNOWLEDGED
 * at the time it was sent, and `complaint.acknowledged` says whether that was within the SLA.
 */
@Injectable()
export class AcknowledgeComplaintHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly projection: StatusProjection,
    private readonly clocks: ServiceLevelClocks,
  ) {}

  async execute(sent: EventEnvelope<'notification.sent'>): Promise<void> {
    if (sent.data.kind !== 'ACKNOWLEDGEMENT' || !sent.complaintId) return;
    await this.transactions.run(async (db) => {
      const complaint = await lockComplaintIfAny(db, sent.complaintId!);
      if (!complaint || complaint.acknowledgedAt) return;
      const acknowledgedAt = new Date(sent.occurredAt);
      complaint.acknowledgedAt = acknowledgedAt;
      await this.clocks.meetAcknowledgement(db, complaint, acknowledgedAt);
      const published = await this.events.publish({
        type: 'complaint.acknowledged',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor: null,
        occurredAt: acknowledgedAt,
        data: { cycle: complaint.cycle, acknowledgedAt: acknowledgedAt.toISOString(), withinSla: acknowledgedAt <= complaint.acknowledgementDueAt },
      });
      await this.projection.apply(db, complaint, { id: published.id, type: published.type, cycle: complaint.cycle, occurredAt: acknowledgedAt });
      await saveComplaint(db, complaint);
    });
  }
}
