import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';

/**
 * On `customer.erased`: remove what the customer wrote — decision comments and follow-up comments of
 * their complaints. Proposals, ratings and closures stay (no personal data) for the statistics.
 */
@Injectable()
export class EraseCustomerHandler {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute(event: EventEnvelope<'customer.erased'>): Promise<void> {
    await this.transactions.run(async (db) => {
      const mine = `SELECT id FROM complaints WHERE customer_id = $1`;
      await db.query(`UPDATE proposals SET decision_comment = NULL WHERE complaint_id IN (${mine}) AND decision_comment IS NOT NULL`, [event.data.customerId]);
      await db.query(`UPDATE follow_ups SET comment = NULL WHERE complaint_id IN (${mine}) AND comment IS NOT NULL`, [event.data.customerId]);
    });
  }
}
