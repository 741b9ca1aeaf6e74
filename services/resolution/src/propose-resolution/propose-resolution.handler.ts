import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { lockComplaintCopy } from '../complaint-state/complaint-copy.js';
import { ComplaintStateReader } from '../complaint-state/complaint-state.reader.js';
import type { RemedyOption } from '../domain/remedy-options.js';
import { assertMayPropose, statusWithOwnEvents } from '../domain/resolution-lifecycle.js';
import { ProposalOptionEntity } from '../persistence/proposal-option.entity.js';
import { ProposalEntity } from '../persistence/proposal.entity.js';
import { loadResolutionFacts } from '../persistence/resolution-facts.js';

export interface ProposeResolution {
  complaintId: string;
  options: RemedyOption[];
  message: string | null;
}

/** Step 5 of the process: offer the customer one or more remedies; `resolution.proposed` lists them (no text). */
@Injectable()
export class ProposeResolutionHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher, private readonly complaintState: ComplaintStateReader) {}

  async execute(command: ProposeResolution, actor: EventActor): Promise<ProposalEntity> {
    const state = await this.complaintState.current(command.complaintId);
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaintCopy(db, state);
      const facts = await loadResolutionFacts(db, complaint.id, complaint.cycle);
      assertMayPropose(statusWithOwnEvents(state.status, facts), facts.proposalPending);
      const proposal = db.create(ProposalEntity, {
        id: randomUUID(), complaintId: complaint.id, cycle: complaint.cycle, status: 'PROPOSED', chosenOptionId: null, message: command.message,
        proposedBy: actor.id, proposedAt: new Date(), decidedAt: null, decidedBy: null, decisionComment: null, implementedAt: null, implementationNotes: null,
      });
      await db.insert(ProposalEntity, proposal);
      const options = command.options.map((option, position) => db.create(ProposalOptionEntity, { id: randomUUID(), proposalId: proposal.id, position, ...option }));
      await db.insert(ProposalOptionEntity, options);
      await this.events.publish({
        type: 'resolution.proposed',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: complaint.cycle, proposalId: proposal.id, options: options.map(({ id, type, amount, currency }) => ({ id, type, amount, currency })) },
      });
      return proposal;
    });
  }
}
