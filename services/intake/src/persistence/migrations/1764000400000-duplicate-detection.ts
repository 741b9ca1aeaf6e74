import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Possible duplicates: trigram similarity over one customer's complaints of the last 30 days. */
export class DuplicateDetection1764000400000 implements MigrationInterface {
  name = 'DuplicateDetection1764000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // The candidates: this customer's complaints, newest first (also serves the customer's data export).
    await db.query(`CREATE INDEX complaints_customer_received_idx ON complaints (customer_id, received_at DESC)`);
    await db.query(`DROP INDEX complaints_customer_idx`);
    // Complaint.possibleDuplicates: the complaints flagged as possibly repeating this one.
    await db.query(`CREATE INDEX complaints_duplicate_of_idx ON complaints (possible_duplicate_of_id) WHERE possible_duplicate_of_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX complaints_duplicate_of_idx`);
    await db.query(`CREATE INDEX complaints_customer_idx ON complaints (customer_id)`);
    await db.query(`DROP INDEX complaints_customer_received_idx`);
  }
}
