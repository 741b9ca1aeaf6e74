import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { ring } from '../domain/sla-clock.js';
import { Escalations } from '../escalate-complaint/escalations.js';
import type { SlaAlarmJob } from '../jobs/sla-clock-scheduler.js';
import { lockComplaintIfAny, saveComplaint } from '../persistence/complaint-lock.js';
import { SlaClockEntity } from '../persistence/sla-clock.entity.js';
import { ServiceLevelClocks } from './service-level-clocks.js';

/**
 * A timer woke a clock: the row decides. At 80 % `complaint.sla_at_risk`; at the due time
 * `complaint.sla_breached` and the complaint escalates (once per cycle). A timer of an older version, a
 * paused or stopped clock, or an alarm already rung does nothing — so however often Redis delivers or the
 * reconciler re-adds it, each alarm rings once.
 */
@Injectable()
export class SoundSlaAlarmHandler {
  private readonly logger = new Logger(SoundSlaAlarmHandler.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly escalations: Escalations,
    private readonly clocks: ServiceLevelClocks,
  ) {}

  execute(job: SlaAlarmJob): Promise<boolean> {
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaintIfAny(db, job.complaintId);
      if (!complaint) return false;
      const [clock] = await this.clocks.load(db, complaint.id, [job.clock]);
      if (!clock || clock.version !== job.version) return false;
      const now = new Date();
      const rung = ring(clock, job.alarm, now);
      if (!rung) return false;
      await db.upsert(SlaClockEntity, SlaClockEntity.of(complaint.id, rung), ['complaintId', 'clock']);
      const data = { cycle: rung.cycle, clock: rung.clock, dueAt: rung.dueAt.toISOString() };
      const about = { complaintId: complaint.id, reference: complaint.reference, actor: null, occurredAt: now };
      if (job.alarm === 'AT_RISK') {
        await this.events.publish({ type: 'complaint.sla_at_risk', ...about, data });
      } else {
        await this.events.publish({ type: 'complaint.sla_breached', ...about, data });
        await this.escalations.escalate(db, complaint, { cause: 'SLA_BREACH', reason: null, actor: null, at: now });
        await saveComplaint(db, complaint);
      }
      this.logger.log({ msg: `SLA ${job.alarm === 'AT_RISK' ? 'at risk' : 'breached'}`, complaintId: complaint.id, clock: rung.clock, dueAt: data.dueAt });
      return true;
    });
  }
}
