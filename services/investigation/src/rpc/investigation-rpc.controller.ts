import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ASSIGNEE_CONTACT, customerDataPattern, type AssigneeContact, type AssigneeContactRequest, type CustomerData, type CustomerDataRequest,
} from '@redress/contracts';
import { NotFound, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { InvestigationEntity } from '../persistence/investigation.entity.js';
import { InvestigatorEntity } from '../persistence/investigator.entity.js';

/** Answers other services' questions over RabbitMQ request/reply (queue `investigation.rpc`). */
@Controller()
export class InvestigationRpcController {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Who to tell about an assignment: the assignee's name and email from the roster (all null when unassigned). */
  @MessagePattern(ASSIGNEE_CONTACT)
  async assigneeContact(@Payload() request: AssigneeContactRequest): Promise<AssigneeContact> {
    const investigationId = input.uuid('investigationId', request?.investigationId);
    const db = this.transactions.manager;
    const investigation = await db.findOneBy(InvestigationEntity, { id: investigationId });
    if (!investigation) throw new NotFound('Investigation', investigationId);
    const assignee = investigation.assigneeId ? await db.findOneBy(InvestigatorEntity, { id: investigation.assigneeId }) : null;
    return { investigationId, assigneeId: investigation.assigneeId, name: assignee?.name ?? null, email: assignee?.email ?? null };
  }

  /** GDPR subject access: the investigations of the customer's complaints, with every note. */
  @MessagePattern(customerDataPattern('investigation'))
  async customerData(@Payload() request: CustomerDataRequest): Promise<CustomerData> {
    const complaintIds = (Array.isArray(request?.complaintIds) ? request.complaintIds : []).map((id, i) => input.uuid(`complaintIds[${i}]`, id));
    if (!complaintIds.length) return { service: 'investigation', records: { investigations: [] } };
    const investigations = await this.transactions.manager.query(
      `SELECT i.id, i.complaint_id AS "complaintId", i.cycle, i.assignee_id AS "assigneeId", i.status, i.findings,
              i.root_cause_category AS "rootCauseCategory", i.root_cause_summary AS "rootCauseSummary",
              i.started_at AS "startedAt", i.completed_at AS "completedAt",
              COALESCE((SELECT json_agg(json_build_object('id', n.id, 'kind', n.kind, 'body', n.body, 'department', n.department,
                                                          'authorId', n.author_id, 'createdAt', n.created_at) ORDER BY n.created_at)
                          FROM investigation_notes n WHERE n.investigation_id = i.id), '[]') AS notes
         FROM investigations i WHERE i.complaint_id = ANY($1::uuid[]) ORDER BY i.started_at`,
      [complaintIds],
    );
    return { service: 'investigation', records: { investigations } };
  }
}
