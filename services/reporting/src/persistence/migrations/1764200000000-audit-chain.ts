import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain: every stored event, in position order, sealed with a SHA-256 of its content and of
 * the link before it, so changing, removing or back-dating a stored event breaks the chain where it
 * happened. Links are append-only like the events. Inserting an event takes a shared advisory lock
 * until commit; the sealer takes it exclusively for an instant to learn a position below which every
 * event has committed (or never will), and seals only up to there.
 */
export class AuditChain1764200000000 implements MigrationInterface {
  name = 'AuditChain1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // Commit order is decided by the insert lock below, not by transaction ids.
    await db.query('DROP INDEX event_store_commit_order');
    await db.query('ALTER TABLE event_store DROP COLUMN tx_id');
    await db.query('CREATE UNIQUE INDEX event_store_position ON event_store (position)');
    await db.query(`
      CREATE FUNCTION hold_event_insert_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(7262200);
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER event_store_insert_lock BEFORE INSERT ON event_store
      FOR EACH STATEMENT EXECUTE FUNCTION hold_event_insert_lock()`);

    await db.query(`
      CREATE TABLE audit_chain (
        seq bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        event_hash bytea NOT NULL,
        chain_hash bytea NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`);
    await db.query(`CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`);

    // Where sealing stopped: the last link and the position of its event.
    await db.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        seq bigint NOT NULL,
        position bigint NOT NULL,
        chain_hash bytea NOT NULL
      )`);
    await db.query(`INSERT INTO audit_chain_head (seq, position, chain_hash) VALUES (0, 0, '\\x${'00'.repeat(32)}')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_chain_head');
    await db.query('DROP TABLE audit_chain');
    await db.query('DROP FUNCTION refuse_audit_change()');
    await db.query('DROP TRIGGER event_store_insert_lock ON event_store');
    await db.query('DROP FUNCTION hold_event_insert_lock()');
    await db.query('DROP INDEX event_store_position');
    await db.query('ALTER TABLE event_store ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()');
    await db.query('CREATE UNIQUE INDEX event_store_commit_order ON event_store (tx_id, position)');
  }
}
