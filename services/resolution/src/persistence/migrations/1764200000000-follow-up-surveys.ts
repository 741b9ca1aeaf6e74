import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowUpSurveys1764200000000 implements MigrationInterface {
  name = 'FollowUpSurveys1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // The survey timer of each implemented cycle: BullMQ fires it, this row decides (once) what happens.
    await db.query(`
      CREATE TABLE follow_up_surveys (
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'REQUESTED', 'SKIPPED')),
        correlation_id text NOT NULL,
        settled_at timestamptz,
        PRIMARY KEY (complaint_id, cycle),
        CHECK ((status = 'PENDING') = (settled_at IS NULL))
      )`);
    // Re-arming at start and the sweeper read the pending timers by due time.
    await db.query(`CREATE INDEX follow_up_surveys_pending_idx ON follow_up_surveys (due_at) WHERE status = 'PENDING'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE follow_up_surveys`);
  }
}
