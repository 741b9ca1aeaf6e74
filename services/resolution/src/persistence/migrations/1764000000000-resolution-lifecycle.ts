import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResolutionLifecycle1764000000000 implements MigrationInterface {
  name = 'ResolutionLifecycle1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // customer.erased names a customer, not a complaint: find the complaints whose comments to erase.
    await db.query(`ALTER TABLE complaints ADD COLUMN customer_id uuid`);
    await db.query(`CREATE INDEX complaints_customer_idx ON complaints (customer_id)`);
    // complaint.reopened may arrive before complaint.received and create the copy.
    await db.query(`ALTER TABLE complaints ALTER COLUMN received_at DROP NOT NULL`);
    // The state rules look at the newest proposal of a cycle.
    await db.query(`CREATE INDEX proposals_complaint_cycle_idx ON proposals (complaint_id, cycle, proposed_at DESC)`);
    await db.query(`
      CREATE TABLE closures (
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        summary text NOT NULL,
        lessons_learned text,
        override_reason text,
        overridden boolean NOT NULL,
        closed_by text NOT NULL,
        closed_at timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, cycle),
        CHECK (NOT overridden OR override_reason IS NOT NULL)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE closures`);
    await db.query(`DROP INDEX proposals_complaint_cycle_idx`);
    await db.query(`ALTER TABLE complaints ALTER COLUMN received_at SET NOT NULL`);
    await db.query(`DROP INDEX complaints_customer_idx`);
    await db.query(`ALTER TABLE complaints DROP COLUMN customer_id`);
  }
}
