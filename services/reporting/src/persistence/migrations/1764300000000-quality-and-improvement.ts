import type { MigrationInterface, QueryRunner } from 'typeorm';

/** QA's reviews of closed complaints (one per complaint and cycle) and the improvement actions they lead to. */
export class QualityAndImprovement1764300000000 implements MigrationInterface {
  name = 'QualityAndImprovement1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE quality_reviews (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL,
        cycle int NOT NULL,
        reviewer_id text NOT NULL,
        score int NOT NULL CHECK (score BETWEEN 0 AND 100),
        checklist jsonb NOT NULL,
        feedback text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (complaint_id, cycle)
      )`);
    await db.query('CREATE INDEX quality_reviews_recorded_at ON quality_reviews (recorded_at)');
    await db.query(`
      CREATE TABLE improvement_actions (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        description text,
        owner_id text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
        root_cause text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await db.query('CREATE INDEX improvement_actions_due ON improvement_actions (due_at, id)');
    await db.query('CREATE INDEX improvement_actions_active ON improvement_actions (created_at, completed_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE improvement_actions');
    await db.query('DROP TABLE quality_reviews');
  }
}
