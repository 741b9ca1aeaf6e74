import { Logger } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, ResolveReference, Resolver, Context } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, Roles, hasAnyRole, privateFieldFor, type Identity } from '@redress/auth';
import { Forbidden, Unauthenticated, input } from '@redress/errors';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { ListComplaintsQuery, type ComplaintFilter } from '../list-complaints/list-complaints.query.js';
import { SubmitComplaintHandler } from '../submit-complaint/submit-complaint.handler.js';
import { validateSubmission, type SubmitComplaintInput } from '../submit-complaint/submission.js';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { CustomerEntity } from '../persistence/customer.entity.js';
import { forCaller } from './complaint-visibility.js';
import { AGENT_WORK, STAFF, actorFor } from './staff-actor.js';

@Resolver('Complaint')
export class ComplaintResolver {
  private readonly logger = new Logger(ComplaintResolver.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly submit: SubmitComplaintHandler,
    private readonly list: ListComplaintsQuery,
  ) {}

  @Query('complaint')
  @Allowed('complaint')
  async complaint(@Args('id') id: string, @Context() context: GraphqlContext): Promise<ComplaintEntity | null> {
    if (!input.isUuid(id)) return null;
    return this.complaints(context).load(id.toLowerCase());
  }

  @Query('complaintByReference')
  @Allowed('complaintByReference')
  complaintByReference(@Args('reference') reference: string): Promise<ComplaintEntity | null> {
    return this.transactions.manager.findOneBy(ComplaintEntity, { reference: reference.trim().toUpperCase() });
  }

  @Query('complaints')
  @Allowed('complaints')
  complaintList(@Args('filter') filter: ComplaintFilter | null, @Args('first') first: number, @Args('after') after: string | null) {
    return this.list.execute(filter ?? {}, first ?? 20, after);
  }

  @Mutation('submitComplaint')
  @Allowed('submitComplaint')
  async submitComplaint(@Args('input') raw: SubmitComplaintInput, @CurrentIdentity() identity: Identity): Promise<ComplaintEntity> {
    if (identity.anonymous && raw.channel !== 'WEB') throw new Unauthenticated('Only WEB complaints may be submitted without signing in');
    if (!identity.anonymous && !hasAnyRole(identity, AGENT_WORK)) throw new Forbidden('Submitting complaints needs the AGENT or MANAGER role');
    const submission = validateSubmission(raw);
    const actor = identity.anonymous ? null : actorFor(identity, AGENT_WORK);
    const complaint = await this.submit.execute(submission, actor);
    this.logger.log({ msg: 'complaint submitted', complaintId: complaint.id, reference: complaint.reference, channel: complaint.channel });
    return forCaller(complaint, identity);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, @Context() context: GraphqlContext): Promise<ComplaintEntity | null> {
    return this.complaints(context).load(reference.id);
  }

  @ResolveField('customer')
  @Roles(...STAFF)
  async customer(@Parent() complaint: ComplaintEntity, @CurrentIdentity() identity: Identity, @Context() context: GraphqlContext) {
    const customer = await this.customers(context).load(complaint.customerId);
    return {
      id: customer.id,
      name: customer.name,
      erasedAt: customer.erasedAt,
      email: privateFieldFor('Customer.email', identity, customer.email),
      phone: privateFieldFor('Customer.phone', identity, customer.phone),
    };
  }

  @ResolveField('possibleDuplicateOf')
  @Roles(...STAFF)
  possibleDuplicateOf(@Parent() complaint: ComplaintEntity, @Context() context: GraphqlContext) {
    return complaint.possibleDuplicateOfId ? this.complaints(context).load(complaint.possibleDuplicateOfId) : null;
  }

  @ResolveField('possibleDuplicates')
  @Roles(...STAFF)
  possibleDuplicates(@Parent() complaint: ComplaintEntity, @Context() context: GraphqlContext) {
    return requestLoader(context, 'intake.possibleDuplicates', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.find(ComplaintEntity, { where: { possibleDuplicateOfId: In([...ids]) }, order: { receivedAt: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.possibleDuplicateOfId === id));
    }).load(complaint.id);
  }

  private complaints(context: GraphqlContext) {
    return requestLoader(context, 'intake.complaints', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.findBy(ComplaintEntity, { id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  private customers(context: GraphqlContext) {
    return requestLoader(context, 'intake.customers', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.findBy(CustomerEntity, { id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? new Error(`customer ${id} missing`));
    });
  }
}
