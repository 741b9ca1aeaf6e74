import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';

/** What a customer chose about non-essential messages, and whether they have been erased. */
@Injectable()
export class CustomerPreferences {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Surveys go out unless the customer opted out. */
  async wantsSurveys(customerId: string): Promise<boolean> {
    const [row] = await this.transactions.manager.query(`SELECT surveys FROM customer_preferences WHERE customer_id = $1`, [customerId]);
    return row ? row.surveys === true : true;
  }

  async setSurveys(customerId: string, surveys: boolean): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO customer_preferences (customer_id, surveys) VALUES ($1, $2)
       ON CONFLICT (customer_id) DO UPDATE SET surveys = EXCLUDED.surveys, updated_at = now()`,
      [customerId, surveys],
    );
  }

  async isErased(customerId: string): Promise<boolean> {
    const rows: unknown[] = await this.transactions.manager.query(`SELECT 1 FROM erased_customers WHERE customer_id = $1`, [customerId]);
    return rows.length > 0;
  }
}
