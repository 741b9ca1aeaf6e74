import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { assess, type Assessment } from '../domain/assessment.js';
import { assertNotClosed } from '../domain/complaint-rules.js';
import { Escalations } from '../escalate-complaint/escalations.js';
import { lockComplaint, saveComplaint } from '../persistence/complaint-lock.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { StatusProjection } from '../status-projection/status-projection.js';

/**
 * Step 3 of the process: an agent confirms category and severity and rates impact and urgency; the
 * priority follows from the matrix, the resolution clock from the severity, and safety escalates.
 */
@Injectable()
export class AssessComplaintHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly projection: StatusProjection,
    private readonly escalations: Escalations,
    private readonly clocks: ServiceLevelClocks,
  ) {}

  execute(complaintId: string, input: Assessment, actor: EventActor): Promise<ComplaintEntity> {
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaint(db, complaintId);
      assertNotClosed(complaint.status, 'assessComplaint');
      const assessed = assess(input);
      const at = new Date();
      Object.assign(complaint, assessed, { assessedAt: at, assessedBy: actor.id });
      await this.clocks.followSeverity(db, complaint);
      const published = await this.events.publish({
        type: 'complaint.assessed',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        occurredAt: at,
        data: {
          cycle: complaint.cycle, category: assessed.category, severity: assessed.severity, priority: assessed.priority,
          resolutionDueAt: complaint.resolutionDueAt.toISOString(),
        },
      });
      await this.projection.apply(db, complaint, { id: published.id, type: published.type, cycle: complaint.cycle, occurredAt: at });
      if (assessed.category === 'SAFETY') await this.escalations.escalate(db, complaint, { cause: 'SAFETY', reason: null, actor, at });
      return saveComplaint(db, complaint);
    });
  }
}
