import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, hasAnyRole, type Identity } from '@redress/auth';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { Forbidden, input } from '@redress/errors';
import { CloseComplaintHandler } from '../close-complaint/close-complaint.handler.js';
import { DecideProposalHandler } from '../decide-proposal/decide-proposal.handler.js';
import { assertWithinApprovalLimit, optionNeedingApproval, validateOptions, type ResolutionOptionInput } from '../domain/remedy-options.js';
import { RecordFollowUpHandler } from '../follow-up/record-follow-up.handler.js';
import { validateFollowUp } from '../follow-up/follow-up-answer.js';
import { MarkImplementedHandler } from '../implement-resolution/mark-implemented.handler.js';
import { ProposeResolutionHandler } from '../propose-resolution/propose-resolution.handler.js';
import { validateDecision } from '../decide-proposal/decision-input.js';
import { actorOf } from './actor.js';

const DESK = ['AGENT', 'MANAGER'] as const;

/** The staff mutations of resolution (SPEC §2: AGENT and MANAGER): validate, authorise, call the use case. */
@Resolver('ResolutionProposal')
export class ResolutionMutationsResolver {
  constructor(
    private readonly propose: ProposeResolutionHandler,
    private readonly decide: DecideProposalHandler,
    private readonly implement: MarkImplementedHandler,
    private readonly followUp: RecordFollowUpHandler,
    private readonly close: CloseComplaintHandler,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {}

  @Mutation('proposeResolution')
  @Allowed('proposeResolution')
  proposeResolution(
    @Args('complaintId') complaintId: string,
    @Args('options') options: ResolutionOptionInput[],
    @Args('message') message: string | null,
    @CurrentIdentity() identity: Identity,
  ) {
    const manager = hasAnyRole(identity, ['MANAGER']);
    assertWithinApprovalLimit(options ?? [], this.config.resolutionApprovalLimit, manager);
    const command = {
      complaintId: input.uuid('complaintId', complaintId),
      options: validateOptions(options),
      message: input.optional('message', message, 5000),
    };
    const approvedAsManager = optionNeedingApproval(command.options, this.config.resolutionApprovalLimit) !== undefined;
    return this.propose.execute(command, actorOf(identity, approvedAsManager ? ['MANAGER'] : DESK));
  }

  @Mutation('recordCustomerDecision')
  @Allowed('recordCustomerDecision')
  recordCustomerDecision(
    @Args('proposalId') proposalId: string,
    @Args('accept') accept: boolean,
    @Args('optionId') optionId: string | null,
    @Args('comment') comment: string | null,
    @CurrentIdentity() identity: Identity,
  ) {
    const id = input.uuid('proposalId', proposalId);
    return this.decide.execute(id, validateDecision({ accept, optionId, comment }), { by: 'STAFF', actor: actorOf(identity, DESK) });
  }

  @Mutation('markResolutionImplemented')
  @Allowed('markResolutionImplemented')
  markResolutionImplemented(@Args('proposalId') proposalId: string, @Args('notes') notes: string | null, @CurrentIdentity() identity: Identity) {
    const command = { proposalId: input.uuid('proposalId', proposalId), notes: input.optional('notes', notes, 5000) };
    return this.implement.execute(command, actorOf(identity, DESK));
  }

  @Mutation('recordFollowUp')
  @Allowed('recordFollowUp')
  recordFollowUp(
    @Args('complaintId') complaintId: string,
    @Args('satisfied') satisfied: boolean,
    @Args('rating') rating: number,
    @Args('comment') comment: string | null,
    @CurrentIdentity() identity: Identity,
  ) {
    const id = input.uuid('complaintId', complaintId);
    return this.followUp.execute(id, validateFollowUp({ satisfied, rating, comment }), { via: 'STAFF', actor: actorOf(identity, DESK) });
  }

  @Mutation('closeComplaint')
  @Allowed('closeComplaint')
  closeComplaint(
    @Args('complaintId') complaintId: string,
    @Args('summary') summary: string,
    @Args('lessonsLearned') lessonsLearned: string | null,
    @Args('overrideReason') overrideReason: string | null,
    @CurrentIdentity() identity: Identity,
  ) {
    const overriding = overrideReason !== null && overrideReason !== undefined;
    if (overriding && !hasAnyRole(identity, ['MANAGER'])) throw new Forbidden('Only a MANAGER may close with an overrideReason');
    const command = {
      complaintId: input.uuid('complaintId', complaintId),
      summary: input.required('summary', summary, 5000),
      lessonsLearned: input.optional('lessonsLearned', lessonsLearned, 5000),
      overrideReason: overriding ? input.required('overrideReason', overrideReason, 5000) : null,
    };
    return this.close.execute(command, actorOf(identity, overriding ? ['MANAGER'] : DESK));
  }
}
