import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every kind of message: HTML beside plain text, language, audience, the customer behind it, opt-outs. */
export class MessagesForEveryKind1764600000000 implements MigrationInterface {
  name = 'MessagesForEveryKind1764600000000';

  async up(db: QueryRunner): Promise<void> {
    // A trend alert concerns no single complaint.
    await db.query(`ALTER TABLE notifications ALTER COLUMN complaint_id DROP NOT NULL`);
    await db.query(`
      ALTER TABLE notifications
        ADD COLUMN audience text NOT NULL DEFAULT 'CUSTOMER',
        ADD COLUMN customer_id uuid,
        ADD COLUMN template text,
        ADD COLUMN locale text NOT NULL DEFAULT 'en',
        ADD COLUMN html text,
        ADD COLUMN unsubscribe_url text`);
    // Erasure and the subject access export find a customer's messages by customer.
    await db.query(`CREATE INDEX notifications_customer_idx ON notifications (customer_id) WHERE customer_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE customer_preferences (
        customer_id uuid PRIMARY KEY,
        surveys boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE erased_customers (
        customer_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE erased_customers`);
    await db.query(`DROP TABLE customer_preferences`);
    await db.query(`DROP INDEX notifications_customer_idx`);
    await db.query(`ALTER TABLE notifications DROP COLUMN audience, DROP COLUMN customer_id, DROP COLUMN template, DROP COLUMN locale, DROP COLUMN html, DROP COLUMN unsubscribe_url`);
    await db.query(`ALTER TABLE notifications ALTER COLUMN complaint_id SET NOT NULL`);
  }
}
