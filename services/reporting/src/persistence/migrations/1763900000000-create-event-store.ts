import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventStore1763900000000 implements MigrationInterface {
  name = 'CreateEventStore1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE event_store (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        version int NOT NULL,
        complaint_id uuid,
        reference text,
        occurred_at timestamptz NOT NULL,
        correlation_id text NOT NULL,
        actor_id text,
        actor_role text,
        data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Complaint.timeline: every event of one complaint, oldest first.
    await db.query(`CREATE INDEX event_store_complaint_idx ON event_store (complaint_id, occurred_at)`);
    // REVOKE does not bind the table's owner or a superuser; a trigger binds everyone.
    await db.query(`
      CREATE FUNCTION refuse_event_store_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_store is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER event_store_append_only BEFORE UPDATE OR DELETE ON event_store
      FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change()`);
    await db.query(`
      CREATE TRIGGER event_store_no_truncate BEFORE TRUNCATE ON event_store
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE event_store`);
    await db.query(`DROP FUNCTION refuse_event_store_change()`);
  }
}
