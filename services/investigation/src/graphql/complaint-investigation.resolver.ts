import { Context, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Roles } from '@redress/auth';
import { input } from '@redress/errors';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { InvestigationEntity } from '../persistence/investigation.entity.js';

const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;

/** `Complaint.investigation`: the complaint's latest investigation, or null when none was started. */
@Resolver('Complaint')
export class ComplaintInvestigationResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return { id: reference.id };
  }

  @ResolveField('investigation')
  @Roles(...STAFF)
  investigation(@Parent() complaint: { id: string }, @Context() context: GraphqlContext): Promise<InvestigationEntity | null> {
    return this.latestByComplaint(context).load(complaint.id);
  }

  private latestByComplaint(context: GraphqlContext) {
    return requestLoader(context, 'investigation.latestByComplaint', async (ids: readonly string[]) => {
      const known = ids.filter((id) => input.isUuid(id)).map((id) => id.toLowerCase());
      const rows = known.length
        ? await this.transactions.manager.find(InvestigationEntity, { where: { complaintId: In(known) }, order: { startedAt: 'DESC', id: 'DESC' } })
        : [];
      return ids.map((id) => rows.find((row) => row.complaintId === id.toLowerCase()) ?? null);
    });
  }
}
