import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every lifecycle event applied to a complaint, so the status is re-folded in time order when one comes late. */
export class StatusHistory1764000000000 implements MigrationInterface {
  name = 'StatusHistory1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE status_events (
        event_id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        type text NOT NULL,
        cycle int NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX status_events_complaint_idx ON status_events (complaint_id, occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE status_events`);
  }
}
