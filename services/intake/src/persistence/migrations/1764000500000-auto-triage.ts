import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What auto-triage suggested at intake and why, kept beside what the agent later decides. */
export class AutoTriage1764000500000 implements MigrationInterface {
  name = 'AutoTriage1764000500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE complaints
        ADD COLUMN suggested_category text,
        ADD COLUMN suggested_severity text,
        ADD COLUMN triage_reasons text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaints DROP COLUMN suggested_category, DROP COLUMN suggested_severity, DROP COLUMN triage_reasons`);
  }
}
