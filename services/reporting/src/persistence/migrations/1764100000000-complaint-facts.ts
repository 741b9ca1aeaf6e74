import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models: one row of facts per complaint (a fold of all its events) and daily rollups of
 * those facts, kept incrementally so a quarter's metrics read a few thousand rollup rows instead of
 * every complaint. The event store gains its commit order (transaction id, then position), which the
 * audit chain seals in.
 */
export class ComplaintFacts1764100000000 implements MigrationInterface {
  name = 'ComplaintFacts1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE event_store
        ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY,
        ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await db.query(`CREATE UNIQUE INDEX event_store_commit_order ON event_store (tx_id, position)`);
    // customer.erased names a customer but no complaint (reporting.customer-data looks these up).
    await db.query(`CREATE INDEX event_store_customer_idx ON event_store ((data->>'customerId')) WHERE complaint_id IS NULL`);

    await db.query(`
      CREATE TABLE complaint_facts (
        complaint_id uuid PRIMARY KEY,
        reference text,
        received_at timestamptz,
        channel text,
        category text,
        severity text,
        priority text,
        acknowledgement_due_at timestamptz,
        resolution_due_at timestamptz,
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        resolve_ms bigint,
        resolve_bucket int,
        status text NOT NULL DEFAULT 'RECEIVED',
        cycle int NOT NULL DEFAULT 0,
        escalated boolean NOT NULL DEFAULT false,
        reopen_count int NOT NULL DEFAULT 0,
        closures timestamptz[] NOT NULL DEFAULT '{}',
        last_closure_at timestamptz,
        rating smallint,
        satisfied boolean,
        root_cause text,
        agent_ids text[] NOT NULL DEFAULT '{}',
        investigator_ids text[] NOT NULL DEFAULT '{}',
        remedy jsonb,
        event_count int NOT NULL DEFAULT 0,
        last_event_at timestamptz
      )`);
    // Period edges of metrics, staff performance and the streamed complaint log (keyset on received_at, id).
    await db.query(`CREATE INDEX complaint_facts_received ON complaint_facts (received_at, complaint_id)`);
    // "Overdue" depends on the clock, so it is counted live from these small partial indexes.
    await db.query(`CREATE INDEX complaint_facts_unacknowledged ON complaint_facts (received_at) INCLUDE (acknowledgement_due_at) WHERE acknowledged_at IS NULL`);
    await db.query(`CREATE INDEX complaint_facts_unresolved ON complaint_facts (received_at) INCLUDE (resolution_due_at) WHERE resolved_at IS NULL`);
    // The median: the rollup finds its bucket, this reads the exact times inside that bucket.
    await db.query(`CREATE INDEX complaint_facts_resolve_bucket ON complaint_facts (resolve_bucket, received_at) INCLUDE (resolve_ms) WHERE resolved_at IS NOT NULL`);
    // Closures at the edges of a trend's range.
    await db.query(`CREATE INDEX complaint_facts_last_closure ON complaint_facts (last_closure_at) WHERE last_closure_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE metric_daily (
        measure text NOT NULL,
        day date NOT NULL,
        key text NOT NULL,
        n bigint NOT NULL,
        total bigint NOT NULL,
        PRIMARY KEY (measure, day, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE metric_daily');
    await db.query('DROP TABLE complaint_facts');
    await db.query('DROP INDEX event_store_customer_idx');
    await db.query('DROP INDEX event_store_commit_order');
    await db.query('ALTER TABLE event_store DROP COLUMN tx_id, DROP COLUMN position');
  }
}
