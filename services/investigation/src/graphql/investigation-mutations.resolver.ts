import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, hasAnyRole, type Identity } from '@redress/auth';
import { input } from '@redress/errors';
import { AddInvestigationNoteHandler } from '../add-investigation-note/add-investigation-note.handler.js';
import { validateNote } from '../add-investigation-note/investigation-note.command.js';
import { validateCompletion, type CompleteInvestigation } from '../complete-investigation/complete-investigation.command.js';
import { CompleteInvestigationHandler } from '../complete-investigation/complete-investigation.handler.js';
import type { InvestigationWorker } from '../domain/investigation-access.js';
import { ReassignInvestigationHandler } from '../reassign-investigation/reassign-investigation.handler.js';
import { StartInvestigationHandler } from '../start-investigation/start-investigation.handler.js';
import { actorOf } from './actor.js';

const DESK = ['AGENT', 'MANAGER'] as const;
const WORKERS = ['INVESTIGATOR', 'MANAGER'] as const;

/** The investigation mutations: validate, authorise, call the use case. */
@Resolver('Investigation')
export class InvestigationMutationsResolver {
  constructor(
    private readonly start: StartInvestigationHandler,
    private readonly reassign: ReassignInvestigationHandler,
    private readonly addNote: AddInvestigationNoteHandler,
    private readonly complete: CompleteInvestigationHandler,
  ) {}

  @Mutation('startInvestigation')
  @Allowed('startInvestigation')
  startInvestigation(@Args('complaintId') complaintId: string, @Args('assigneeId') assigneeId: string | null, @CurrentIdentity() identity: Identity) {
    const command = { complaintId: input.uuid('complaintId', complaintId), assigneeId: input.optional('assigneeId', assigneeId, 200) };
    return this.start.execute(command, actorOf(identity, DESK));
  }

  @Mutation('reassignInvestigation')
  @Allowed('reassignInvestigation')
  reassignInvestigation(@Args('investigationId') investigationId: string, @Args('assigneeId') assigneeId: string, @CurrentIdentity() identity: Identity) {
    const command = { investigationId: input.uuid('investigationId', investigationId), assigneeId: input.required('assigneeId', assigneeId, 200) };
    return this.reassign.execute(command, actorOf(identity, DESK));
  }

  @Mutation('addInvestigationNote')
  @Allowed('addInvestigationNote')
  addInvestigationNote(
    @Args('investigationId') investigationId: string,
    @Args('kind') kind: string,
    @Args('body') body: string,
    @Args('department') department: string | null,
    @CurrentIdentity() identity: Identity,
  ) {
    const command = validateNote({ investigationId, kind, body, department });
    return this.addNote.execute(command, workerOf(identity), actorOf(identity, WORKERS));
  }

  @Mutation('completeInvestigation')
  @Allowed('completeInvestigation')
  completeInvestigation(
    @Args('investigationId') investigationId: string,
    @Args('findings') findings: string,
    @Args('rootCause') rootCause: CompleteInvestigation['rootCause'],
    @CurrentIdentity() identity: Identity,
  ) {
    const command = validateCompletion({ investigationId, findings, rootCause });
    return this.complete.execute(command, workerOf(identity), actorOf(identity, WORKERS));
  }
}

function workerOf(identity: Identity): InvestigationWorker {
  return { id: identity.sub ?? '', manager: hasAnyRole(identity, ['MANAGER']) };
}
