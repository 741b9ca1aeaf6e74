import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `complaints(filter: { search })` also finds complaints by the customer's name and email. */
export class CustomerSearch1764000200000 implements MigrationInterface {
  name = 'CustomerSearch1764000200000';

  async up(db: QueryRunner): Promise<void> {
    // The email whole and in parts (grace, example, com), so "grace" and "grace@example.com" both find it.
    await db.query(`
      ALTER TABLE customers ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', name || ' ' || email || ' ' || translate(email, '@._+-', '     '))) STORED`);
    await db.query(`CREATE INDEX customers_search_idx ON customers USING gin (search_vector)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers DROP COLUMN search_vector`);
  }
}
