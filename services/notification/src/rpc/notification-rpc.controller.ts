import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { customerDataPattern, type CustomerData, type CustomerDataRequest } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';

/** Answers other services over RabbitMQ request/reply (queue `notification.rpc`). */
@Controller()
export class NotificationRpcController {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Everything notification holds about one customer, for a subject access export. */
  @MessagePattern(customerDataPattern('notification'))
  async customerData(@Payload() request: CustomerDataRequest): Promise<CustomerData> {
    const customerId = input.uuid('customerId', request?.customerId);
    if (request.complaintIds !== undefined && !Array.isArray(request.complaintIds)) throw new BadUserInput('complaintIds', 'must be a list of UUIDs');
    const complaintIds = (request.complaintIds ?? []).map((id, i) => input.uuid(`complaintIds[${i}]`, id));
    const db = this.transactions.manager;
    const notifications = await db.query(
      `SELECT id, complaint_id AS "complaintId", reference, kind, channel, recipient, subject, body AS "text", status, attempts,
              created_at AS "createdAt", sent_at AS "sentAt"
         FROM notifications
        WHERE customer_id = $1 OR (complaint_id = ANY($2::uuid[]) AND audience = 'CUSTOMER')
        ORDER BY created_at, id`,
      [customerId, complaintIds],
    );
    const preferences = await db.query(`SELECT surveys, updated_at AS "updatedAt" FROM customer_preferences WHERE customer_id = $1`, [customerId]);
    return { service: 'notification', records: { notifications, preferences } };
  }
}
