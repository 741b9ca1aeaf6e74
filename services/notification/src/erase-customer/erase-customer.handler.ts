import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import { DeliveryOutcomes } from '../delivery/delivery-outcomes.js';

export const ERASED = '[erased]';

/**
 * On `customer.erased` (GDPR): messages still waiting are not sent (FAILED, `notification.failed`), every
 * message to the customer keeps only its kind, status and dates, their preferences go, and no message
 * is ever written to them again.
 */
@Injectable()
export class EraseCustomerHandler {
  private readonly logger = new Logger(EraseCustomerHandler.name);

  constructor(private readonly transactions: TransactionRunner, private readonly outcomes: DeliveryOutcomes) {}

  async execute(event: EventEnvelope<'customer.erased'>): Promise<void> {
    const { customerId } = event.data;
    await this.transactions.run(async (db) => {
      await db.query(`INSERT INTO erased_customers (customer_id) VALUES ($1) ON CONFLICT DO NOTHING`, [customerId]);
      await db.query(`DELETE FROM customer_preferences WHERE customer_id = $1`, [customerId]);
      const waiting: { id: string }[] = await db.query(`SELECT id FROM notifications WHERE customer_id = $1 AND status = 'QUEUED'`, [customerId]);
      for (const { id } of waiting) await this.outcomes.failed(id, 'not sent: the customer was erased');
      const [erased]: [unknown[], number] = await db.query(
        `UPDATE notifications SET recipient = $2, subject = $2, body = $2, html = NULL, unsubscribe_url = NULL
          WHERE customer_id = $1 AND recipient <> $2 RETURNING id`,
        [customerId, ERASED],
      );
      this.logger.log({ msg: 'customer erased from notifications', customerId, messages: erased.length, cancelled: waiting.length });
    });
  }
}
