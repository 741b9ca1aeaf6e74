import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every closure of every complaint (one per cycle), so a trend's partial days find theirs by time. */
export class ComplaintClosures1764150000000 implements MigrationInterface {
  name = 'ComplaintClosures1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX complaint_facts_last_closure');
    await db.query(`
      CREATE TABLE complaint_closures (
        complaint_id uuid NOT NULL REFERENCES complaint_facts (complaint_id) ON DELETE CASCADE,
        closed_at timestamptz NOT NULL,
        PRIMARY KEY (complaint_id, closed_at)
      )`);
    await db.query('CREATE INDEX complaint_closures_closed_at ON complaint_closures (closed_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE complaint_closures');
    await db.query('CREATE INDEX complaint_facts_last_closure ON complaint_facts (last_closure_at) WHERE last_closure_at IS NOT NULL');
  }
}
