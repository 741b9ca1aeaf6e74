import { Context, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { Roles } from '@redress/auth';
import { input } from '@redress/errors';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { StoredEventEntity } from '../persistence/stored-event.entity.js';
import { summariseEvent } from '../timeline/event-summary.js';

const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;

export interface TimelineEntry {
  at: Date;
  type: string;
  actorId: string | null;
  summary: string;
}

/** `Complaint.timeline`: every event about a complaint, oldest first, from the event store. */
@Resolver('Complaint')
export class ComplaintTimelineResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return { id: reference.id };
  }

  @ResolveField('timeline')
  @Roles(...STAFF)
  async timeline(@Parent() complaint: { id: string }, @Context() context: GraphqlContext): Promise<TimelineEntry[]> {
    const events = await this.eventsByComplaint(context).load(complaint.id);
    return events.map((event) => ({ at: event.occurredAt, type: event.type, actorId: event.actorId, summary: summariseEvent(event) }));
  }

  private eventsByComplaint(context: GraphqlContext) {
    return requestLoader(context, 'reporting.eventsByComplaint', async (ids: readonly string[]) => {
      const known = ids.filter((id) => input.isUuid(id)).map((id) => id.toLowerCase());
      const rows = known.length
        ? await this.transactions.manager.find(StoredEventEntity, {
            where: { complaintId: In(known) },
            order: { occurredAt: 'ASC', recordedAt: 'ASC', id: 'ASC' },
          })
        : [];
      return ids.map((id) => rows.filter((row) => row.complaintId === id.toLowerCase()));
    });
  }
}
