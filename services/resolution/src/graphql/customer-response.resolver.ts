import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { Allowed, CurrentIdentity, type Identity } from '@redress/auth';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { verifyLinkToken } from '../customer-links/link-token.js';
import { useUpLink } from '../customer-links/used-links.js';
import { DecideProposalHandler } from '../decide-proposal/decide-proposal.handler.js';
import { validateDecision } from '../decide-proposal/decision-input.js';
import { validateFollowUp } from '../follow-up/follow-up-answer.js';
import { RecordFollowUpHandler } from '../follow-up/record-follow-up.handler.js';
import { proposalForCaller } from './proposal-visibility.js';

/**
 * What customers do through the signed links in their emails (SPEC §5): the token is the credential —
 * genuine, unexpired, for this purpose and unused, or UNAUTHENTICATED — and it is used up with the answer.
 */
@Resolver()
export class CustomerResponseResolver {
  constructor(
    private readonly decide: DecideProposalHandler,
    private readonly followUp: RecordFollowUpHandler,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {}

  @Mutation('respondToProposal')
  @Allowed('respondToProposal')
  async respondToProposal(
    @Args('token') token: string,
    @Args('accept') accept: boolean,
    @Args('optionId') optionId: string | null,
    @Args('comment') comment: string | null,
    @CurrentIdentity() identity: Identity,
  ) {
    const link = await verifyLinkToken(token ?? '', 'RESPOND', this.config.linkSecret);
    const decision = validateDecision({ accept, optionId, comment });
    const proposal = await this.decide.execute(link.proposalId!, decision, { by: 'CUSTOMER', actor: null, authorise: (db) => useUpLink(db, link) });
    return proposalForCaller(proposal, identity);
  }

  @Mutation('submitFeedback')
  @Allowed('submitFeedback')
  async submitFeedback(
    @Args('token') token: string,
    @Args('satisfied') satisfied: boolean,
    @Args('rating') rating: number,
    @Args('comment') comment: string | null,
  ) {
    const link = await verifyLinkToken(token ?? '', 'FEEDBACK', this.config.linkSecret);
    const answer = validateFollowUp({ satisfied, rating, comment });
    return this.followUp.execute(link.complaintId, answer, { via: 'SURVEY', actor: null, cycle: link.cycle, authorise: (db) => useUpLink(db, link) });
  }
}
