import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Submission } from './submission.js';

const IDEMPOTENCY_WINDOW = `interval '24 hours'`;

/**
 * Customers are one per email. Staff submissions update the name and phone on file; an anonymous web
 * form only adds a missing phone, so nobody can rename the customer of an email they do not own.
 */
export async function upsertCustomer(db: EntityManager, customer: Submission['customer'], byStaff: boolean): Promise<string> {
  const update = byStaff ? 'name = EXCLUDED.name, phone = COALESCE(EXCLUDED.phone, customers.phone)' : 'phone = COALESCE(customers.phone, EXCLUDED.phone)';
  const [row] = await db.query(
    `INSERT INTO customers (id, name, email, phone) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET ${update}, updated_at = now()
     RETURNING id`,
    [randomUUID(), customer.name, customer.email, customer.phone],
  );
  return row.id;
}

/** Returns the complaint an earlier submission with this key made within 24 h, or claims the key for `complaintId`. */
export async function claimIdempotencyKey(db: EntityManager, email: string, key: string, complaintId: string): Promise<string | null> {
  const claimed = await db.query(
    `INSERT INTO submission_keys (email, key, complaint_id, created_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (email, key) DO UPDATE SET complaint_id = EXCLUDED.complaint_id, created_at = now()
       WHERE submission_keys.created_at < now() - ${IDEMPOTENCY_WINDOW}
     RETURNING complaint_id`,
    [email, key, complaintId],
  );
  if (claimed.length) return null;
  const [existing] = await db.query(`SELECT complaint_id FROM submission_keys WHERE email = $1 AND key = $2`, [email, key]);
  return existing.complaint_id;
}
