import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIntake1763900000000 implements MigrationInterface {
  name = 'CreateIntake1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE complaint_reference_seq`);
    await db.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL UNIQUE,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        channel text NOT NULL,
        subject text NOT NULL,
        description text NOT NULL,
        desired_outcome text,
        customer_id uuid NOT NULL REFERENCES customers(id),
        category text,
        severity text,
        priority text,
        status text NOT NULL,
        escalated boolean NOT NULL DEFAULT false,
        received_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledgement_due_at timestamptz NOT NULL,
        resolution_due_at timestamptz NOT NULL,
        closed_at timestamptz,
        possible_duplicate_of_id uuid REFERENCES complaints(id),
        cycle int NOT NULL DEFAULT 0,
        stage int NOT NULL DEFAULT 0,
        stage_at timestamptz NOT NULL,
        submitted_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', subject || ' ' || description)) STORED
      )`);
    await db.query(`CREATE INDEX complaints_search_idx ON complaints USING gin (search_vector)`);
    await db.query(`CREATE INDEX complaints_category_idx ON complaints (category, received_at DESC)`);
    await db.query(`CREATE INDEX complaints_severity_idx ON complaints (severity, received_at DESC)`);
    await db.query(`CREATE INDEX complaints_escalated_idx ON complaints (received_at DESC) WHERE escalated`);
    // complaints(filter, first, after): newest first with a (received_at, id) cursor.
    await db.query(`CREATE INDEX complaints_received_idx ON complaints (received_at DESC, id DESC)`);
    await db.query(`CREATE INDEX complaints_customer_idx ON complaints (customer_id)`);
    await db.query(`CREATE INDEX complaints_status_idx ON complaints (status, received_at DESC)`);
    await db.query(`
      CREATE TABLE submission_keys (
        email text NOT NULL,
        key text NOT NULL,
        complaint_id uuid NOT NULL REFERENCES complaints(id) DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (email, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE submission_keys`);
    await db.query(`DROP TABLE complaints`);
    await db.query(`DROP TABLE customers`);
    await db.query(`DROP SEQUENCE complaint_reference_seq`);
  }
}
