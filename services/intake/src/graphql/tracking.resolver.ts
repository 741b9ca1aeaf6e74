import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allowed } from '@redress/auth';
import { TransactionRunner } from '@redress/persistence';

/** Lets a customer follow their complaint with the reference and their email as the credential. */
@Resolver('ComplaintTracking')
export class TrackingResolver {
  constructor(private readonly transactions: TransactionRunner) {}

  @Query('trackComplaint')
  @Allowed('trackComplaint')
  async trackComplaint(@Args('reference') reference: string, @Args('email') email: string) {
    const [row] = await this.transactions.manager.query(
      `SELECT c.reference, c.status, c.received_at, c.resolution_due_at, c.updated_at
         FROM complaints c JOIN customers u ON u.id = c.customer_id
        WHERE c.reference = $1 AND u.email = $2`,
      [(reference ?? '').trim().toUpperCase(), (email ?? '').trim().toLowerCase()],
    );
    if (!row) return null;
    return {
      reference: row.reference,
      status: row.status,
      receivedAt: row.received_at,
      resolutionDueAt: row.resolution_due_at,
      lastUpdatedAt: row.updated_at,
    };
  }
}
