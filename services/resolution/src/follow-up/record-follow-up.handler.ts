import { Injectable } from '@nestjs/common';
import type { EventActor, FollowUpVia } from '@redress/contracts';
import { Conflict } from '@redress/errors';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import type { EntityManager } from 'typeorm';
import { lockComplaintCopy } from '../complaint-state/complaint-copy.js';
import { ComplaintStateReader, type CurrentComplaint } from '../complaint-state/complaint-state.reader.js';
import { assertMayFollowUp, statusWithOwnEvents } from '../domain/resolution-lifecycle.js';
import { FollowUpEntity } from '../persistence/follow-up.entity.js';
import { loadResolutionFacts } from '../persistence/resolution-facts.js';

export interface FollowUpAnswer {
  satisfied: boolean;
  rating: number;
  comment: string | null;
}

export interface FollowUpSource {
  via: FollowUpVia;
  actor: EventActor | null;
  /** The survey's cycle: a survey of an earlier cycle cannot answer for a reopened complaint. */
  cycle?: number;
  /** Runs in the transaction before anything is written (a survey link is used up here). */
  authorise?: (db: EntityManager, state: CurrentComplaint) => Promise<void>;
}

/** Step 7 of the process: the customer's satisfaction, once per cycle, from a staff call or the survey. */
@Injectable()
export class RecordFollowUpHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher, private readonly complaintState: ComplaintStateReader) {}

  async execute(complaintId: string, answer: FollowUpAnswer, source: FollowUpSource): Promise<FollowUpEntity> {
    const state = await this.complaintState.current(complaintId);
    return this.transactions.run(async (db) => {
      await source.authorise?.(db, state);
      const complaint = await lockComplaintCopy(db, state);
      const facts = await loadResolutionFacts(db, complaint.id, complaint.cycle);
      if (source.cycle !== undefined && source.cycle !== complaint.cycle) throw new Conflict('This survey belongs to an earlier cycle of the complaint');
      assertMayFollowUp(statusWithOwnEvents(state.status, facts));
      const followUp = db.create(FollowUpEntity, {
        complaintId: complaint.id, cycle: complaint.cycle, ...answer, via: source.via, recordedBy: source.actor?.id ?? null, recordedAt: new Date(),
      });
      await db.insert(FollowUpEntity, followUp);
      await this.events.publish({
        type: 'followup.recorded',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor: source.actor,
        data: { cycle: complaint.cycle, satisfied: answer.satisfied, rating: answer.rating, via: source.via },
      });
      return followUp;
    });
  }
}
