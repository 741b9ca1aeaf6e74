import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SLA clocks as the source of truth for their timers (BullMQ only carries them), and the pauses staff record. */
export class SlaClocks1764000300000 implements MigrationInterface {
  name = 'SlaClocks1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sla_clocks (
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        clock text NOT NULL,
        cycle int NOT NULL,
        started_at timestamptz NOT NULL,
        budget_ms bigint NOT NULL,
        due_at timestamptz NOT NULL,
        state text NOT NULL,
        paused_at timestamptz,
        paused_ms bigint NOT NULL DEFAULT 0,
        at_risk_at timestamptz,
        breached_at timestamptz,
        stopped_at timestamptz,
        version int NOT NULL,
        next_alarm_at timestamptz,
        PRIMARY KEY (complaint_id, clock)
      )`);
    // The sweeper's question every few seconds: which running clocks have an alarm overdue?
    await db.query(`CREATE INDEX sla_clocks_next_alarm_idx ON sla_clocks (next_alarm_at) WHERE state = 'RUNNING'`);
    await db.query(`
      CREATE TABLE sla_pauses (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaints(id),
        cycle int NOT NULL,
        paused_at timestamptz NOT NULL,
        paused_by text NOT NULL,
        reason text NOT NULL,
        resumed_at timestamptz,
        resumed_by text,
        resume_reason text
      )`);
    await db.query(`CREATE INDEX sla_pauses_complaint_idx ON sla_pauses (complaint_id, paused_at)`);
    await db.query(`ALTER TABLE complaints ADD COLUMN sla_paused_at timestamptz`);
    // Complaints received before clocks were kept in their own table: their open clocks, from the due dates.
    await db.query(`
      INSERT INTO sla_clocks (complaint_id, clock, cycle, started_at, budget_ms, due_at, state, stopped_at, version, next_alarm_at)
      SELECT id, 'ACKNOWLEDGEMENT', cycle, received_at, (extract(epoch FROM acknowledgement_due_at - received_at) * 1000)::bigint,
             acknowledgement_due_at, CASE WHEN acknowledged_at IS NULL AND status <> 'CLOSED' THEN 'RUNNING' ELSE 'MET' END,
             acknowledged_at, 0,
             CASE WHEN acknowledged_at IS NULL AND status <> 'CLOSED' THEN acknowledgement_due_at - (acknowledgement_due_at - received_at) * 0.2 END
        FROM complaints`);
    await db.query(`
      INSERT INTO sla_clocks (complaint_id, clock, cycle, started_at, budget_ms, due_at, state, version, next_alarm_at)
      SELECT id, 'RESOLUTION', cycle, received_at, (extract(epoch FROM resolution_due_at - received_at) * 1000)::bigint,
             resolution_due_at, CASE WHEN status IN ('RESOLVED', 'FOLLOWED_UP', 'CLOSED') THEN 'MET' ELSE 'RUNNING' END,
             0, CASE WHEN status NOT IN ('RESOLVED', 'FOLLOWED_UP', 'CLOSED') THEN resolution_due_at - (resolution_due_at - received_at) * 0.2 END
        FROM complaints`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaints DROP COLUMN sla_paused_at`);
    await db.query(`DROP TABLE sla_pauses`);
    await db.query(`DROP TABLE sla_clocks`);
  }
}
