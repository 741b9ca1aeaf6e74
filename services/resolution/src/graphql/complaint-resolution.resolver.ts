import { Context, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Roles } from '@redress/auth';
import { input } from '@redress/errors';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { ClosureEntity } from '../persistence/closure.entity.js';
import { FollowUpEntity } from '../persistence/follow-up.entity.js';
import { ProposalEntity } from '../persistence/proposal.entity.js';

const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;

/** Resolution's fields of a Complaint: its proposals, the follow-up and the lessons learned. Staff only. */
@Resolver('Complaint')
export class ComplaintResolutionResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return { id: reference.id };
  }

  /** Newest first. */
  @ResolveField('proposals')
  @Roles(...STAFF)
  proposals(@Parent() complaint: { id: string }, @Context() context: GraphqlContext): Promise<ProposalEntity[]> {
    return requestLoader(context, 'resolution.proposalsByComplaint', async (ids: readonly string[]) => {
      const known = uuids(ids);
      const rows = known.length
        ? await this.transactions.manager.find(ProposalEntity, { where: { complaintId: In(known) }, order: { proposedAt: 'DESC', id: 'DESC' } })
        : [];
      return ids.map((id) => rows.filter((row) => row.complaintId === id.toLowerCase()));
    }).load(complaint.id);
  }

  /** The follow-up of the latest cycle that has one. */
  @ResolveField('followUp')
  @Roles(...STAFF)
  followUp(@Parent() complaint: { id: string }, @Context() context: GraphqlContext): Promise<FollowUpEntity | null> {
    return requestLoader(context, 'resolution.followUpByComplaint', async (ids: readonly string[]) => {
      const known = uuids(ids);
      const rows = known.length
        ? await this.transactions.manager.find(FollowUpEntity, { where: { complaintId: In(known) }, order: { cycle: 'DESC' } })
        : [];
      return ids.map((id) => rows.find((row) => row.complaintId === id.toLowerCase()) ?? null);
    }).load(complaint.id);
  }

  /** Written when the complaint was closed (its latest closure). */
  @ResolveField('lessonsLearned')
  @Roles(...STAFF)
  async lessonsLearned(@Parent() complaint: { id: string }, @Context() context: GraphqlContext): Promise<string | null> {
    return (await this.latestClosure(context).load(complaint.id))?.lessonsLearned ?? null;
  }

  @ResolveField('resolutionSummary')
  @Roles(...STAFF)
  async resolutionSummary(@Parent() complaint: { id: string }, @Context() context: GraphqlContext): Promise<string | null> {
    return (await this.latestClosure(context).load(complaint.id))?.summary ?? null;
  }

  private latestClosure(context: GraphqlContext) {
    return requestLoader(context, 'resolution.latestClosureByComplaint', async (ids: readonly string[]) => {
      const known = uuids(ids);
      const rows = known.length
        ? await this.transactions.manager.find(ClosureEntity, { where: { complaintId: In(known) }, order: { cycle: 'DESC' } })
        : [];
      return ids.map((id) => rows.find((row) => row.complaintId === id.toLowerCase()) ?? null);
    });
  }
}

/** Complaint ids as stored; anything else cannot name a complaint (and must not reach a uuid column). */
function uuids(ids: readonly string[]): string[] {
  return ids.filter((id) => input.isUuid(id)).map((id) => id.toLowerCase());
}
