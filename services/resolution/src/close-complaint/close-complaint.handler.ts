import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { lockComplaintCopy } from '../complaint-state/complaint-copy.js';
import { ComplaintStateReader } from '../complaint-state/complaint-state.reader.js';
import { assertMayClose, statusWithOwnEvents } from '../domain/resolution-lifecycle.js';
import { ClosureEntity } from '../persistence/closure.entity.js';
import { loadResolutionFacts } from '../persistence/resolution-facts.js';

export interface CloseComplaint {
  complaintId: string;
  summary: string;
  lessonsLearned: string | null;
  /** Only a MANAGER may give one (the resolver checks); it allows closing before the follow-up. */
  overrideReason: string | null;
}

/** Step 8 of the process: document and close the cycle; `complaint.closed` says whether it was overridden. */
@Injectable()
export class CloseComplaintHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher, private readonly complaintState: ComplaintStateReader) {}

  async execute(command: CloseComplaint, actor: EventActor): Promise<{ id: string }> {
    const state = await this.complaintState.current(command.complaintId);
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaintCopy(db, state);
      const facts = await loadResolutionFacts(db, complaint.id, complaint.cycle);
      const status = statusWithOwnEvents(state.status, facts);
      assertMayClose(status, command.overrideReason !== null);
      const closure = db.create(ClosureEntity, {
        complaintId: complaint.id, cycle: complaint.cycle, summary: command.summary, lessonsLearned: command.lessonsLearned,
        overrideReason: command.overrideReason, overridden: status === 'RESOLVED', closedBy: actor.id, closedAt: new Date(),
      });
      await db.insert(ClosureEntity, closure);
      await this.events.publish({
        type: 'complaint.closed',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: complaint.cycle, closedAt: closure.closedAt.toISOString(), overridden: closure.overridden },
      });
      return { id: complaint.id };
    });
  }
}
