import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GDPR erasure: a customer's personal data is replaced by tombstones; the row (and statistics) stay. */
export class CustomerErasure1764000600000 implements MigrationInterface {
  name = 'CustomerErasure1764000600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers ADD COLUMN erased_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers DROP COLUMN erased_at`);
  }
}
