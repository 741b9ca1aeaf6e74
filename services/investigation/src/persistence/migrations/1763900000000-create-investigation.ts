import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInvestigation1763900000000 implements MigrationInterface {
  name = 'CreateInvestigation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        cycle int NOT NULL DEFAULT 0,
        category text,
        severity text,
        received_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE investigators (
        id text PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL,
        categories text[] NOT NULL DEFAULT '{}',
        capacity int NOT NULL CHECK (capacity >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE investigations (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        assignee_id text REFERENCES investigators(id),
        status text NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
        findings text,
        root_cause_category text,
        root_cause_summary text,
        started_by text,
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
        CHECK ((root_cause_category IS NULL) = (root_cause_summary IS NULL))
      )`);
    // SPEC §5: at most one OPEN investigation per complaint, even with replicas racing.
    await db.query(`CREATE UNIQUE INDEX investigations_one_open_idx ON investigations (complaint_id) WHERE status = 'OPEN'`);
    // Complaint.investigation: the latest one.
    await db.query(`CREATE INDEX investigations_complaint_idx ON investigations (complaint_id, started_at DESC)`);
    // Investigator.openInvestigations and routing by load.
    await db.query(`CREATE INDEX investigations_open_assignee_idx ON investigations (assignee_id) WHERE status = 'OPEN'`);
    await db.query(`
      CREATE TABLE investigation_notes (
        id uuid PRIMARY KEY,
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        kind text NOT NULL,
        body text NOT NULL,
        department text,
        author_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX investigation_notes_investigation_idx ON investigation_notes (investigation_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE investigation_notes`);
    await db.query(`DROP TABLE investigations`);
    await db.query(`DROP TABLE investigators`);
    await db.query(`DROP TABLE complaints`);
  }
}
