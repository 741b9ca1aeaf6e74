import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, Roles, type Identity } from '@redress/auth';
import { input } from '@redress/errors';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { PauseSlaClockHandler } from '../pause-sla-clock/pause-sla-clock.handler.js';
import { ResumeSlaClockHandler } from '../pause-sla-clock/resume-sla-clock.handler.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { SlaClockEntity } from '../persistence/sla-clock.entity.js';
import { SlaPauseEntity } from '../persistence/sla-pause.entity.js';
import { AGENT_WORK, STAFF, actorFor } from './staff-actor.js';

const REASON_LIMIT = 5_000;
const CLOCK_ORDER = { ACKNOWLEDGEMENT: 0, RESOLUTION: 1 };

/** The SLA clocks on Complaint, and pausing them while waiting on the customer. */
@Resolver('Complaint')
export class SlaClockResolver {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly pauseHandler: PauseSlaClockHandler,
    private readonly resumeHandler: ResumeSlaClockHandler,
  ) {}

  @Mutation('pauseSlaClock')
  @Allowed('pauseSlaClock')
  pauseSlaClock(@Args('id') id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity) {
    const complaintId = input.uuid('id', id);
    return this.pauseHandler.execute(complaintId, input.required('reason', reason, REASON_LIMIT), actorFor(identity, AGENT_WORK));
  }

  @Mutation('resumeSlaClock')
  @Allowed('resumeSlaClock')
  resumeSlaClock(@Args('id') id: string, @Args('reason') reason: string | null, @CurrentIdentity() identity: Identity) {
    const complaintId = input.uuid('id', id);
    return this.resumeHandler.execute(complaintId, input.optional('reason', reason, REASON_LIMIT), actorFor(identity, AGENT_WORK));
  }

  @ResolveField('slaClocks')
  @Roles(...STAFF)
  async slaClocks(@Parent() complaint: ComplaintEntity, @Context() context: GraphqlContext) {
    const clocks = await requestLoader(context, 'intake.slaClocks', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.findBy(SlaClockEntity, { complaintId: In([...ids]) });
      return ids.map((id) => rows.filter((row) => row.complaintId === id));
    }).load(complaint.id);
    return [...clocks].sort((a, b) => CLOCK_ORDER[a.clock] - CLOCK_ORDER[b.clock]);
  }

  @ResolveField('slaPaused')
  @Roles(...STAFF)
  slaPaused(@Parent() complaint: ComplaintEntity): boolean {
    return complaint.slaPausedAt !== null;
  }

  @ResolveField('slaPauses')
  @Roles(...STAFF)
  slaPauses(@Parent() complaint: ComplaintEntity, @Context() context: GraphqlContext) {
    return requestLoader(context, 'intake.slaPauses', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.find(SlaPauseEntity, { where: { complaintId: In([...ids]) }, order: { pausedAt: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.complaintId === id));
    }).load(complaint.id);
  }
}
