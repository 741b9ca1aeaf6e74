import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox of one service's database, with the indexes the relay's queries use. */
export class MessagingTables1790000000000 implements MigrationInterface {
  name = 'MessagingTables1790000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY,
        type varchar(100) NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        lease_until timestamptz,
        publish_attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay's claim: pending rows in order. Partial, so it stays as small as the backlog.
    await db.query('CREATE INDEX outbox_pending ON outbox (position) WHERE published_at IS NULL');
    // The pruning of rows published long ago.
    await db.query('CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL');
    await db.query(`
      CREATE TABLE inbox (
        event_id uuid PRIMARY KEY,
        type varchar(100) NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE inbox');
    await db.query('DROP TABLE outbox');
  }
}
