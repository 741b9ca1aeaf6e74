import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trace context of the request or message that wrote an outbox row, so its publication joins that trace. */
export class OutboxTraceContext1790000000001 implements MigrationInterface {
  name = 'OutboxTraceContext1790000000001';

  async up(db: QueryRunner): Promise<void> {
    // Nullable, no default: instant on a large table, and NULL whenever tracing is off.
    await db.query('ALTER TABLE outbox ADD COLUMN trace_context jsonb');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox DROP COLUMN trace_context');
  }
}
