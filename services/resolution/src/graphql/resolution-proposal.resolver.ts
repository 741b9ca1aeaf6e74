import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@redress/auth';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { ProposalOptionEntity } from '../persistence/proposal-option.entity.js';
import type { ProposalEntity } from '../persistence/proposal.entity.js';

/** `ResolutionProposal.options`, in the order they were offered. */
@Resolver('ResolutionProposal')
export class ResolutionProposalResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  /** SPEC §2: a customer answering a proposal may read its options; reaching a proposal is guarded where it is loaded. */
  @ResolveField('options')
  @Public()
  options(@Parent() proposal: ProposalEntity, @Context() context: GraphqlContext): Promise<ProposalOptionEntity[]> {
    return this.optionsByProposal(context).load(proposal.id);
  }

  private optionsByProposal(context: GraphqlContext) {
    return requestLoader(context, 'resolution.optionsByProposal', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.find(ProposalOptionEntity, { where: { proposalId: In([...ids]) }, order: { position: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.proposalId === id));
    });
  }
}
