import type { EntityManager } from 'typeorm';
import { NotFound } from '@redress/errors';
import { ComplaintEntity } from './complaint.entity.js';
import { ProposalOptionEntity } from './proposal-option.entity.js';
import { ProposalEntity } from './proposal.entity.js';

export interface LockedProposal {
  proposal: ProposalEntity;
  options: ProposalOptionEntity[];
  complaint: ComplaintEntity;
}

/** The proposal, locked until the transaction ends, with its options and complaint; NOT_FOUND if unknown. */
export async function lockProposal(db: EntityManager, id: string): Promise<LockedProposal> {
  const proposal = await db.findOne(ProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!proposal) throw new NotFound('Proposal', id);
  const [options, complaint] = await Promise.all([
    db.find(ProposalOptionEntity, { where: { proposalId: id }, order: { position: 'ASC' } }),
    db.findOneByOrFail(ComplaintEntity, { id: proposal.complaintId }),
  ]);
  return { proposal, options, complaint };
}
