import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotFound, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import {
  COMPLAINT_CONTACT, COMPLAINT_STATE, type ComplaintContact, type ComplaintContactRequest, type ComplaintState, type ComplaintStateRequest,
} from '@redress/contracts';

// Every notification asks for its complaint's contact: one statement each, no entity mapping.
const CONTACT_SQL = `
  SELECT c.id AS "complaintId", c.reference, c.customer_id AS "customerId", u.name AS "customerName", u.email, u.phone,
         c.status, c.cycle, c.received_at AS "receivedAt", c.acknowledgement_due_at AS "acknowledgementDueAt",
         c.resolution_due_at AS "resolutionDueAt"
    FROM complaints c JOIN customers u ON u.id = c.customer_id
   WHERE c.id = $1`;

const STATE_SQL = `
  SELECT id AS "complaintId", reference, customer_id AS "customerId", status, cycle, escalated, category, severity, priority,
         received_at AS "receivedAt", resolution_due_at AS "resolutionDueAt"
    FROM complaints
   WHERE id = $1`;

type Dated<T, K extends keyof T> = Omit<T, K> & Record<K, Date>;

/** Answers other services' questions over RabbitMQ request/reply (queue `intake.rpc`). */
@Controller()
export class IntakeRpcController {
  constructor(private readonly transactions: TransactionRunner) {}

  @MessagePattern(COMPLAINT_CONTACT)
  async complaintContact(@Payload() request: ComplaintContactRequest): Promise<ComplaintContact> {
    const id = input.uuid('complaintId', request?.complaintId);
    const row = found<Dated<ComplaintContact, 'receivedAt' | 'acknowledgementDueAt' | 'resolutionDueAt'>>(await this.transactions.manager.query(CONTACT_SQL, [id]), id);
    return {
      ...row,
      receivedAt: row.receivedAt.toISOString(),
      acknowledgementDueAt: row.acknowledgementDueAt.toISOString(),
      resolutionDueAt: row.resolutionDueAt.toISOString(),
    };
  }

  /** The state as intake holds it now: how other services check SPEC §5's state rules (read-your-writes). */
  @MessagePattern(COMPLAINT_STATE)
  async complaintState(@Payload() request: ComplaintStateRequest): Promise<ComplaintState> {
    const id = input.uuid('complaintId', request?.complaintId);
    const row = found<Dated<ComplaintState, 'receivedAt' | 'resolutionDueAt'>>(await this.transactions.manager.query(STATE_SQL, [id]), id);
    return { ...row, receivedAt: row.receivedAt.toISOString(), resolutionDueAt: row.resolutionDueAt.toISOString() };
  }
}

function found<T>(rows: T[], id: string): T {
  if (!rows.length) throw new NotFound('Complaint', id);
  return rows[0];
}
