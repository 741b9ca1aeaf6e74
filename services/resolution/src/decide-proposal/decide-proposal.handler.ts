import { Injectable } from '@nestjs/common';
import type { DecidedBy, EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import type { EntityManager } from 'typeorm';
import { decidedOption, type CustomerDecision } from '../domain/customer-decision.js';
import { assertDecidable } from '../domain/resolution-lifecycle.js';
import { ProposalEntity } from '../persistence/proposal.entity.js';
import { lockProposal } from '../persistence/proposal-lock.js';

export interface Decider {
  by: DecidedBy;
  /** The staff member who recorded the decision; null when the customer decided through their link. */
  actor: EventActor | null;
  /** Runs in the decision's transaction before anything is written (a customer link is used up here). */
  authorise?: (db: EntityManager, proposal: ProposalEntity) => Promise<void>;
}

/** Step 5 continued: the customer accepts (one option) or rejects the proposal; `resolution.accepted|rejected`. */
@Injectable()
export class DecideProposalHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  execute(proposalId: string, decision: CustomerDecision, decider: Decider): Promise<ProposalEntity> {
    return this.transactions.run(async (db) => {
      const { proposal, options, complaint } = await lockProposal(db, proposalId);
      await decider.authorise?.(db, proposal);
      const optionId = decidedOption(decision, options.map((o) => o.id));
      assertDecidable(proposal);
      Object.assign(proposal, {
        status: decision.accept ? 'ACCEPTED' : 'REJECTED', chosenOptionId: decision.accept ? optionId : null,
        decidedAt: new Date(), decidedBy: decider.by, decisionComment: decision.comment,
      });
      await db.save(ProposalEntity, proposal);
      await this.events.publish({
        type: decision.accept ? 'resolution.accepted' : 'resolution.rejected',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor: decider.actor,
        data: { cycle: proposal.cycle, proposalId: proposal.id, optionId, decidedBy: decider.by },
      });
      return proposal;
    });
  }
}
