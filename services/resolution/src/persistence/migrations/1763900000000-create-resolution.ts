import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateResolution1763900000000 implements MigrationInterface {
  name = 'CreateResolution1763900000000';

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
      CREATE TABLE proposals (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'REJECTED')),
        chosen_option_id uuid,
        message text,
        proposed_by text,
        proposed_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by text CHECK (decided_by IN ('CUSTOMER', 'STAFF')),
        decision_comment text,
        implemented_at timestamptz,
        implementation_notes text,
        CHECK ((status = 'PROPOSED') = (decided_at IS NULL)),
        CHECK (implemented_at IS NULL OR status = 'ACCEPTED')
      )`);
    // SPEC §5: no second proposal while one is PROPOSED, even with replicas racing.
    await db.query(`CREATE UNIQUE INDEX proposals_one_pending_idx ON proposals (complaint_id) WHERE status = 'PROPOSED'`);
    // Complaint.proposals: newest first.
    await db.query(`CREATE INDEX proposals_complaint_idx ON proposals (complaint_id, proposed_at DESC)`);
    await db.query(`
      CREATE TABLE proposal_options (
        id uuid PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        position int NOT NULL,
        type text NOT NULL,
        description text NOT NULL,
        amount numeric CHECK (amount >= 0),
        currency text CHECK (currency ~ '^[A-Z]{3}$'),
        CHECK ((amount IS NULL) = (currency IS NULL)),
        UNIQUE (proposal_id, position),
        UNIQUE (proposal_id, id)
      )`);
    // The chosen option must be one of this proposal's own options.
    await db.query(`
      ALTER TABLE proposals ADD CONSTRAINT proposals_chosen_option_fk
        FOREIGN KEY (id, chosen_option_id) REFERENCES proposal_options (proposal_id, id)`);
    await db.query(`
      CREATE TABLE follow_ups (
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        satisfied boolean NOT NULL,
        rating int NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text,
        via text NOT NULL CHECK (via IN ('SURVEY', 'STAFF')),
        recorded_by text,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, cycle)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE follow_ups`);
    await db.query(`ALTER TABLE proposals DROP CONSTRAINT proposals_chosen_option_fk`);
    await db.query(`DROP TABLE proposal_options`);
    await db.query(`DROP TABLE proposals`);
    await db.query(`DROP TABLE complaints`);
  }
}
