import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { Conflict } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { lockComplaint, saveComplaint } from '../persistence/complaint-lock.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { SlaPauses } from './sla-pauses.js';

/** `resumeSlaClock`: the paused clocks run again, each due date moved by the time spent paused. */
@Injectable()
export class ResumeSlaClockHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly clocks: ServiceLevelClocks, private readonly pauses: SlaPauses) {}

  execute(complaintId: string, reason: string | null, actor: EventActor): Promise<ComplaintEntity> {
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaint(db, complaintId);
      if (!complaint.slaPausedAt) throw new Conflict(`The SLA clocks of ${complaint.reference} are not paused`);
      const at = new Date();
      await this.clocks.resumeAll(db, complaint, at);
      await this.pauses.close(db, complaint, { by: actor.id, reason, at });
      return saveComplaint(db, complaint);
    });
  }
}
