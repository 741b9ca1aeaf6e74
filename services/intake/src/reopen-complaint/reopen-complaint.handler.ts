import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { assertReopenable } from '../domain/complaint-rules.js';
import { SlaPauses } from '../pause-sla-clock/sla-pauses.js';
import { lockComplaint, saveComplaint } from '../persistence/complaint-lock.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { ReopeningEntity } from '../persistence/reopening.entity.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { StatusProjection } from '../status-projection/status-projection.js';

/**
 * `reopenComplaint` (MANAGER): a resolved or closed complaint starts a new cycle (SPEC §5), with a new
 * resolution clock from now (a pause of the old cycle ends); events of the old cycle no longer move it.
 */
@Injectable()
export class ReopenComplaintHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly projection: StatusProjection,
    private readonly clocks: ServiceLevelClocks,
    private readonly pauses: SlaPauses,
  ) {}

  execute(complaintId: string, reason: string, actor: EventActor): Promise<ComplaintEntity> {
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaint(db, complaintId);
      assertReopenable(complaint.status);
      const at = new Date();
      const cycle = complaint.cycle + 1;
      await db.insert(ReopeningEntity, { id: randomUUID(), complaintId: complaint.id, cycle, reason, reopenedBy: actor.id, reopenedAt: at });
      complaint.cycle = cycle;
      // A new cycle starts with running clocks: a pause of the old one ends here.
      await this.clocks.resumeAll(db, complaint, at);
      await this.pauses.close(db, complaint, { by: actor.id, reason: 'reopened', at });
      await this.clocks.restartResolution(db, complaint, at);
      const published = await this.events.publish({
        type: 'complaint.reopened',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        occurredAt: at,
        data: { cycle, resolutionDueAt: complaint.resolutionDueAt.toISOString() },
      });
      await this.projection.apply(db, complaint, { id: published.id, type: published.type, cycle, occurredAt: at });
      return saveComplaint(db, complaint);
    });
  }
}
