import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Assessment (impact, urgency, who and when), escalations (one per cycle) and reopenings with their reasons. */
export class AssessmentEscalationReopening1764000100000 implements MigrationInterface {
  name = 'AssessmentEscalationReopening1764000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE complaints
        ADD COLUMN impact text,
        ADD COLUMN urgency text,
        ADD COLUMN assessed_at timestamptz,
        ADD COLUMN assessed_by text,
        ADD COLUMN escalated_at timestamptz`);
    await db.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        cause text NOT NULL,
        reason text,
        escalated_by text,
        escalated_at timestamptz NOT NULL,
        UNIQUE (complaint_id, cycle)
      )`);
    await db.query(`
      CREATE TABLE reopenings (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        reason text NOT NULL,
        reopened_by text NOT NULL,
        reopened_at timestamptz NOT NULL,
        UNIQUE (complaint_id, cycle)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reopenings`);
    await db.query(`DROP TABLE escalations`);
    await db.query(`ALTER TABLE complaints DROP COLUMN impact, DROP COLUMN urgency, DROP COLUMN assessed_at, DROP COLUMN assessed_by, DROP COLUMN escalated_at`);
  }
}
