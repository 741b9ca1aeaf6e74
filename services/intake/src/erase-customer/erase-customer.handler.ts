import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventActor } from '@redress/contracts';
import { Conflict, NotFound } from '@redress/errors';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { CustomerEntity } from '../persistence/customer.entity.js';

export const ERASED = '[erased]';

export interface CustomerErasure {
  customerId: string;
  erasedAt: Date;
  complaints: number;
}

/**
 * `eraseCustomer` (GDPR, ADMIN): the customer's name, email and phone, and the free text of their
 * complaints (which may name them) become tombstones; the complaints stay, with their categories,
 * statuses and dates, for statistics. `customer.erased` tells the other services to erase their copies.
 */
@Injectable()
export class EraseCustomerHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  execute(customerId: string, actor: EventActor): Promise<CustomerErasure> {
    return this.transactions.run(async (db) => {
      const customer = await db.findOne(CustomerEntity, { where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw new NotFound('Customer', customerId);
      if (customer.erasedAt) throw new Conflict(`Customer ${customerId} was already erased`);
      const erasedAt = new Date();
      const complaints = await eraseComplaintText(db, customerId);
      await db.query(`DELETE FROM submission_keys WHERE email = $1`, [customer.email]);
      await db.update(CustomerEntity, { id: customerId }, { name: 'Erased customer', email: `erased-${customerId}@erased.invalid`, phone: null, erasedAt });
      await this.events.publish({ type: 'customer.erased', complaintId: null, reference: null, actor, occurredAt: erasedAt, data: { customerId } });
      return { customerId, erasedAt, complaints };
    });
  }
}

/** Subjects, descriptions, desired outcomes and every reason staff wrote about these complaints. */
async function eraseComplaintText(db: EntityManager, customerId: string): Promise<number> {
  const [, count] = await db.query(
    `UPDATE complaints SET subject = $2, description = $2, desired_outcome = NULL, triage_reasons = '{}', updated_at = now() WHERE customer_id = $1`,
    [customerId, ERASED],
  );
  const mine = `complaint_id IN (SELECT id FROM complaints WHERE customer_id = $1)`;
  await db.query(`UPDATE escalations SET reason = NULL WHERE ${mine}`, [customerId]);
  await db.query(`UPDATE reopenings SET reason = $2 WHERE ${mine}`, [customerId, ERASED]);
  await db.query(`UPDATE sla_pauses SET reason = $2, resume_reason = NULL WHERE ${mine}`, [customerId, ERASED]);
  return count;
}
