import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { assertImplementable } from '../domain/resolution-lifecycle.js';
import { ProposalEntity } from '../persistence/proposal.entity.js';
import { lockProposal } from '../persistence/proposal-lock.js';

/** Step 6 of the process: the accepted remedy was carried out; `resolution.implemented` makes the complaint RESOLVED. */
@Injectable()
export class MarkImplementedHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  execute(command: { proposalId: string; notes: string | null }, actor: EventActor): Promise<ProposalEntity> {
    return this.transactions.run(async (db) => {
      const { proposal, options, complaint } = await lockProposal(db, command.proposalId);
      assertImplementable(proposal);
      const chosen = options.find((o) => o.id === proposal.chosenOptionId)!;
      Object.assign(proposal, { implementedAt: new Date(), implementationNotes: command.notes });
      await db.save(ProposalEntity, proposal);
      await this.events.publish({
        type: 'resolution.implemented',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: proposal.cycle, proposalId: proposal.id, optionId: chosen.id, type: chosen.type, amount: chosen.amount, currency: chosen.currency },
      });
      return proposal;
    });
  }
}
