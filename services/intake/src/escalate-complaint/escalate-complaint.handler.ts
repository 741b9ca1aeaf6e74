import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { Conflict } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { assertNotClosed } from '../domain/complaint-rules.js';
import { lockComplaint, saveComplaint } from '../persistence/complaint-lock.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { Escalations } from './escalations.js';

/** `escalateComplaint`: an agent or manager raises a complaint to the managers, with a reason kept in intake. */
@Injectable()
export class EscalateComplaintHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly escalations: Escalations) {}

  execute(complaintId: string, reason: string, actor: EventActor): Promise<ComplaintEntity> {
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaint(db, complaintId);
      assertNotClosed(complaint.status, 'escalateComplaint');
      const escalated = await this.escalations.escalate(db, complaint, { cause: 'MANUAL', reason, actor, at: new Date() });
      if (!escalated) throw new Conflict(`Complaint ${complaint.reference} is already escalated in this cycle`);
      return saveComplaint(db, complaint);
    });
  }
}
