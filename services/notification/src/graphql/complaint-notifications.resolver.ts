import { Context, Parent, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, PRIVATE_FIELDS, Roles, hasAnyRole, type Identity } from '@redress/auth';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { NotificationEntity } from '../persistence/notification.entity.js';
import { maskRecipient } from './recipient-mask.js';

const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;

/** `Complaint.notifications`: every message about a complaint, oldest first. */
@Resolver('Complaint')
export class ComplaintNotificationsResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @ResolveReference()
  resolveReference(reference: { id: string }) {
    return { id: reference.id };
  }

  @ResolveField('notifications')
  @Roles(...STAFF)
  async notifications(@Parent() complaint: { id: string }, @CurrentIdentity() identity: Identity, @Context() context: GraphqlContext) {
    const rows = await this.byComplaint(context).load(complaint.id);
    const masked = !hasAnyRole(identity, PRIVATE_FIELDS['Notification.recipient'].readers);
    return rows.map((row) => ({ ...row, recipient: masked ? maskRecipient(row.recipient) : row.recipient }));
  }

  private byComplaint(context: GraphqlContext) {
    return requestLoader(context, 'notification.byComplaint', async (ids: readonly string[]) => {
      const rows = await this.transactions.manager.find(NotificationEntity, { where: { complaintId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      return ids.map((id) => rows.filter((row) => row.complaintId === id));
    });
  }
}
