import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InvestigationWork1764000000000 implements MigrationInterface {
  name = 'InvestigationWork1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // A late complaint.assessed never overwrites a newer assessment.
    await db.query(`ALTER TABLE complaints ADD COLUMN assessed_at timestamptz`);
    // complaint.assessed or complaint.reopened may arrive before complaint.received and create the copy.
    await db.query(`ALTER TABLE complaints ALTER COLUMN received_at DROP NOT NULL`);
    // myInvestigations: the caller's investigations, newest first.
    await db.query(`CREATE INDEX investigations_assignee_idx ON investigations (assignee_id, started_at DESC)`);
    // Routing: active investigators with the complaint's category among their skills.
    await db.query(`CREATE INDEX investigators_active_categories_idx ON investigators USING gin (categories) WHERE active`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX investigators_active_categories_idx`);
    await db.query(`DROP INDEX investigations_assignee_idx`);
    await db.query(`ALTER TABLE complaints ALTER COLUMN received_at SET NOT NULL`);
    await db.query(`ALTER TABLE complaints DROP COLUMN assessed_at`);
  }
}
