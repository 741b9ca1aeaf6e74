import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { Conflict } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { assertNotClosed } from '../domain/complaint-rules.js';
import { lockComplaint, saveComplaint } from '../persistence/complaint-lock.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { SlaPauses } from './sla-pauses.js';

/** `pauseSlaClock`: waiting on the customer, the running clocks stop; no alarm rings while paused. */
@Injectable()
export class PauseSlaClockHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly clocks: ServiceLevelClocks, private readonly pauses: SlaPauses) {}

  execute(complaintId: string, reason: string, actor: EventActor): Promise<ComplaintEntity> {
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaint(db, complaintId);
      assertNotClosed(complaint.status, 'pauseSlaClock');
      if (complaint.slaPausedAt) throw new Conflict(`The SLA clocks of ${complaint.reference} are already paused`);
      const at = new Date();
      const paused = await this.clocks.pauseAll(db, complaint, at);
      if (!paused.length) throw new Conflict(`No SLA clock of ${complaint.reference} is running`);
      await this.pauses.open(db, complaint, { by: actor.id, reason, at });
      return saveComplaint(db, complaint);
    });
  }
}
