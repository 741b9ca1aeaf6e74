import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@redress/auth';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In, type ObjectLiteral, type EntityTarget } from 'typeorm';
import { priorityFor } from '../domain/assessment.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { EscalationEntity } from '../persistence/escalation.entity.js';
import { ReopeningEntity } from '../persistence/reopening.entity.js';
import { STAFF } from './staff-actor.js';

/** What happened to a complaint beyond its status: the triage at intake, escalations and reopenings (oldest first, one query per request). */
@Resolver('Complaint')
export class ComplaintHistoryResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @ResolveField('escalations')
  @Roles(...STAFF)
  escalations(@Parent() complaint: ComplaintEntity, @Context() context: GraphqlContext) {
    return this.byComplaint(context, EscalationEntity, 'escalatedAt').load(complaint.id);
  }

  @ResolveField('reopenings')
  @Roles(...STAFF)
  reopenings(@Parent() complaint: ComplaintEntity, @Context() context: GraphqlContext) {
    return this.byComplaint(context, ReopeningEntity, 'reopenedAt').load(complaint.id);
  }

  @ResolveField('triage')
  @Roles(...STAFF)
  triage(@Parent() complaint: ComplaintEntity) {
    const severity = complaint.suggestedSeverity;
    return { category: complaint.suggestedCategory, severity, priority: severity ? priorityFor(severity, severity) : null, reasons: complaint.triageReasons };
  }

  private byComplaint<T extends ObjectLiteral & { complaintId: string }>(context: GraphqlContext, entity: EntityTarget<T>, orderBy: keyof T & string) {
    return requestLoader(context, `intake.${String(orderBy)}`, async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.find(entity, { where: { complaintId: In([...ids]) } as never, order: { [orderBy]: 'ASC' } as never });
      return ids.map((id) => rows.filter((row) => row.complaintId === id));
    });
  }
}
