import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CUSTOMER_LINK, customerDataPattern, type CustomerData, type CustomerDataRequest, type CustomerLink, type CustomerLinkRequest,
} from '@redress/contracts';
import { input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { CustomerLinkIssuer } from '../customer-links/customer-link.issuer.js';

/** Answers other services' questions over RabbitMQ request/reply (queue `resolution.rpc`). */
@Controller()
export class ResolutionRpcController {
  constructor(private readonly transactions: TransactionRunner, private readonly links: CustomerLinkIssuer) {}

  /** The signed link notification puts in the proposal and survey emails. */
  @MessagePattern(CUSTOMER_LINK)
  customerLink(@Payload() request: CustomerLinkRequest): Promise<CustomerLink> {
    return this.links.issue(request);
  }

  /** GDPR subject access: proposals (with options and decisions), follow-ups and closures of the customer's complaints. */
  @MessagePattern(customerDataPattern('resolution'))
  async customerData(@Payload() request: CustomerDataRequest): Promise<CustomerData> {
    const ids = (Array.isArray(request?.complaintIds) ? request.complaintIds : []).map((id, i) => input.uuid(`complaintIds[${i}]`, id));
    const db = this.transactions.manager;
    const [proposals, followUps, closures] = await Promise.all([
      db.query(
        `SELECT p.id, p.complaint_id AS "complaintId", p.cycle, p.status, p.message, p.proposed_at AS "proposedAt", p.decided_at AS "decidedAt",
                p.decided_by AS "decidedBy", p.decision_comment AS "decisionComment", p.chosen_option_id AS "chosenOptionId",
                p.implemented_at AS "implementedAt",
                (SELECT json_agg(json_build_object('id', o.id, 'type', o.type, 'description', o.description, 'amount', o.amount, 'currency', o.currency)
                                 ORDER BY o.position) FROM proposal_options o WHERE o.proposal_id = p.id) AS options
           FROM proposals p WHERE p.complaint_id = ANY($1::uuid[]) ORDER BY p.proposed_at`,
        [ids],
      ),
      db.query(
        `SELECT complaint_id AS "complaintId", cycle, satisfied, rating, comment, via, recorded_at AS "recordedAt"
           FROM follow_ups WHERE complaint_id = ANY($1::uuid[]) ORDER BY recorded_at`,
        [ids],
      ),
      db.query(
        `SELECT complaint_id AS "complaintId", cycle, summary, lessons_learned AS "lessonsLearned", closed_at AS "closedAt"
           FROM closures WHERE complaint_id = ANY($1::uuid[]) ORDER BY closed_at`,
        [ids],
      ),
    ]);
    return { service: 'resolution', records: { proposals, followUps, closures } };
  }
}
