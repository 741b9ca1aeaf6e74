import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The spikes already announced: one `complaint.trend_alert` per category and week, however many replicas look. */
export class TrendAlerts1764400000000 implements MigrationInterface {
  name = 'TrendAlerts1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE trend_alerts (
        category text NOT NULL,
        period_start timestamptz NOT NULL,
        count int NOT NULL,
        baseline double precision NOT NULL,
        raised_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (category, period_start)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE trend_alerts');
  }
}
