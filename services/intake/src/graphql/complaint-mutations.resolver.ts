import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, type Identity } from '@redress/auth';
import { input } from '@redress/errors';
import { AssessComplaintHandler } from '../assess-complaint/assess-complaint.handler.js';
import { validateAssessment, type AssessComplaintInput } from '../assess-complaint/assessment-input.js';
import { EscalateComplaintHandler } from '../escalate-complaint/escalate-complaint.handler.js';
import { ReopenComplaintHandler } from '../reopen-complaint/reopen-complaint.handler.js';
import { AGENT_WORK, actorFor } from './staff-actor.js';

const REASON_LIMIT = 5_000;

/** Assessment, escalation and reopening: validate, authorise, call the use case. */
@Resolver()
export class ComplaintMutationsResolver {
  constructor(
    private readonly assessHandler: AssessComplaintHandler,
    private readonly escalateHandler: EscalateComplaintHandler,
    private readonly reopenHandler: ReopenComplaintHandler,
  ) {}

  @Mutation('assessComplaint')
  @Allowed('assessComplaint')
  assessComplaint(@Args('id') id: string, @Args('input') raw: AssessComplaintInput, @CurrentIdentity() identity: Identity) {
    const complaintId = input.uuid('id', id);
    return this.assessHandler.execute(complaintId, validateAssessment(raw), actorFor(identity, AGENT_WORK));
  }

  @Mutation('escalateComplaint')
  @Allowed('escalateComplaint')
  escalateComplaint(@Args('id') id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity) {
    const complaintId = input.uuid('id', id);
    return this.escalateHandler.execute(complaintId, input.required('reason', reason, REASON_LIMIT), actorFor(identity, AGENT_WORK));
  }

  @Mutation('reopenComplaint')
  @Allowed('reopenComplaint')
  reopenComplaint(@Args('id') id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity) {
    const complaintId = input.uuid('id', id);
    return this.reopenHandler.execute(complaintId, input.required('reason', reason, REASON_LIMIT), actorFor(identity, ['MANAGER']));
  }
}
