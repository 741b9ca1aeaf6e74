import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { customerDataPattern, type CustomerData, type CustomerDataRequest } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';

/** Answers other services over RabbitMQ request/reply (queue `reporting.rpc`). */
@Controller()
export class ReportingRpcController {
  constructor(private readonly transactions: TransactionRunner) {}

  /**
   * A subject access export's share from reporting: it keeps no personal data, only the events (ids,
   * enums, times) about the customer's complaints and QA reviews of them, so it lists those by id.
   */
  @MessagePattern(customerDataPattern('reporting'))
  async customerData(@Payload() request: CustomerDataRequest): Promise<CustomerData> {
    const customerId = input.uuid('customerId', request?.customerId);
    if (!Array.isArray(request.complaintIds)) throw new BadUserInput('complaintIds', 'must be a list of complaint ids');
    const complaintIds = request.complaintIds.map((id, i) => input.uuid(`complaintIds[${i}]`, id));
    const db = this.transactions.manager;
    const events: { id: string; type: string; occurredAt: Date; complaintId: string | null }[] = await db.query(
      `SELECT id, type, occurred_at AS "occurredAt", complaint_id AS "complaintId" FROM event_store
        WHERE complaint_id = ANY($1::uuid[]) OR (complaint_id IS NULL AND data->>'customerId' = $2)
        ORDER BY occurred_at, id`,
      [complaintIds, customerId],
    );
    const qualityReviews = await db.query(
      `SELECT id, complaint_id AS "complaintId", recorded_at AS "recordedAt" FROM quality_reviews WHERE complaint_id = ANY($1::uuid[]) ORDER BY recorded_at`,
      [complaintIds],
    );
    return {
      service: 'reporting',
      records: {
        events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
        qualityReviews: qualityReviews.map((r: { id: string; complaintId: string; recordedAt: Date }) => ({ ...r, recordedAt: r.recordedAt.toISOString() })),
      },
    };
  }
}
