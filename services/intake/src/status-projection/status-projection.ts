import { Injectable } from '@nestjs/common';
import type { ComplaintStatus, EventType } from '@redress/contracts';
import type { EntityManager } from 'typeorm';
import { projectLifecycle, type LifecycleEvent, type ProjectionState } from '../domain/lifecycle.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';

export interface AppliedEvent extends LifecycleEvent {
  id: string;
}

export interface StatusChange {
  before: ProjectionState;
  after: ProjectionState;
  changed: boolean;
}

/**
 * Records a lifecycle event in the complaint's status history and re-folds the history (SPEC §5), on a
 * complaint the caller has locked; the caller saves it. The same path for intake's own events and for
 * the other services', so the status has one source.
 */
@Injectable()
export class StatusProjection {
  async apply(db: EntityManager, complaint: ComplaintEntity, event: AppliedEvent): Promise<StatusChange> {
    await db.query(
      `INSERT INTO status_events (event_id, complaint_id, type, cycle, occurred_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
      [event.id, complaint.id, event.type, event.cycle, event.occurredAt],
    );
    const rows: { type: EventType; cycle: number; occurred_at: Date }[] = await db.query(
      `SELECT type, cycle, occurred_at FROM status_events WHERE complaint_id = $1`,
      [complaint.id],
    );
    const before = snapshot(complaint);
    const start: ProjectionState = { status: 'RECEIVED', cycle: 0, stage: 0, stageAt: complaint.receivedAt };
    const after = projectLifecycle(start, rows.map((row) => ({ type: row.type, cycle: row.cycle, occurredAt: new Date(row.occurred_at) })));
    Object.assign(complaint, after, { closedAt: after.status === 'CLOSED' ? after.stageAt : null });
    return { before, after, changed: before.status !== after.status || before.cycle !== after.cycle || before.stage !== after.stage };
  }
}

function snapshot(complaint: ComplaintEntity): ProjectionState {
  return { status: complaint.status, cycle: complaint.cycle, stage: complaint.stage, stageAt: complaint.stageAt };
}

export const isResolved = (status: ComplaintStatus) => status === 'RESOLVED' || status === 'FOLLOWED_UP' || status === 'CLOSED';
