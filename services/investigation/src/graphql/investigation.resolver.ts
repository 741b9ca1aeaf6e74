import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, Roles, type Identity } from '@redress/auth';
import { InvestigationStatus } from '@redress/contracts';
import { input } from '@redress/errors';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { InvestigationNoteEntity } from '../persistence/investigation-note.entity.js';
import { InvestigationEntity } from '../persistence/investigation.entity.js';

const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;

/** `investigation(id)` and the fields of an Investigation that are not plain columns. Staff only. */
@Resolver('Investigation')
@Roles(...STAFF)
export class InvestigationResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @Query('investigation')
  @Allowed('investigation')
  investigation(@Args('id') id: string): Promise<InvestigationEntity | null> {
    if (!input.isUuid(id)) return Promise.resolve(null);
    return this.transactions.manager.findOneBy(InvestigationEntity, { id: id.toLowerCase() });
  }

  /** Newest first; the caller's staff id is the assignee. */
  @Query('myInvestigations')
  @Allowed('myInvestigations')
  myInvestigations(@Args('status') status: string | null, @CurrentIdentity() identity: Identity): Promise<InvestigationEntity[]> {
    const where = { assigneeId: identity.sub ?? '', ...(status && { status: input.oneOf('status', status, InvestigationStatus) }) };
    return this.transactions.manager.find(InvestigationEntity, { where, order: { startedAt: 'DESC', id: 'DESC' } });
  }

  @ResolveField('notes')
  notes(@Parent() investigation: InvestigationEntity, @Context() context: GraphqlContext): Promise<InvestigationNoteEntity[]> {
    return this.notesByInvestigation(context).load(investigation.id);
  }

  @ResolveField('rootCause')
  rootCause(@Parent() investigation: InvestigationEntity) {
    if (!investigation.rootCauseCategory || !investigation.rootCauseSummary) return null;
    return { category: investigation.rootCauseCategory, summary: investigation.rootCauseSummary };
  }

  /** Oldest first, the order they were recorded in. */
  private notesByInvestigation(context: GraphqlContext) {
    return requestLoader(context, 'investigation.notesByInvestigation', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.find(InvestigationNoteEntity, {
        where: { investigationId: In([...ids]) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return ids.map((id) => rows.filter((row) => row.investigationId === id));
    });
  }
}
