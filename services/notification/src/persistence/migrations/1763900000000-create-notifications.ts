import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1763900000000 implements MigrationInterface {
  name = 'CreateNotifications1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL,
        reference text,
        kind text NOT NULL,
        channel text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        cause_event_id uuid NOT NULL,
        cause_key text NOT NULL UNIQUE,
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        last_error text
      )`);
    // Complaint.notifications, oldest first.
    await db.query(`CREATE INDEX notifications_complaint_idx ON notifications (complaint_id, created_at)`);
    // The sweeper looks only at messages still waiting.
    await db.query(`CREATE INDEX notifications_queued_idx ON notifications (created_at) WHERE status = 'QUEUED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
  }
}
