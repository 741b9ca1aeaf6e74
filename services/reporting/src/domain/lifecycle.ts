import type { ComplaintStatus } from '@redress/contracts';

/**
 * SPEC §5: the status each lifecycle event leads to, in the order of the process. Reporting derives
 * the status from the events it stores with the same rules intake applies: the greatest (cycle, stage)
 * wins, so a late or repeated event never moves a status backwards.
 */
const LIFECYCLE: Record<string, { status: ComplaintStatus; stage: number }> = {
  'complaint.received': { status: 'RECEIVED', stage: 0 },
  'complaint.acknowledged': { status: 'ACKNOWLEDGED', stage: 1 },
  'complaint.assessed': { status: 'ASSESSED', stage: 2 },
  'investigation.started': { status: 'INVESTIGATING', stage: 3 },
  'resolution.proposed': { status: 'RESOLUTION_PROPOSED', stage: 4 },
  'resolution.accepted': { status: 'RESOLUTION_ACCEPTED', stage: 5 },
  'resolution.rejected': { status: 'RESOLUTION_REJECTED', stage: 5 },
  'resolution.implemented': { status: 'RESOLVED', stage: 6 },
  'followup.recorded': { status: 'FOLLOWED_UP', stage: 7 },
  'complaint.closed': { status: 'CLOSED', stage: 8 },
  'complaint.reopened': { status: 'REOPENED', stage: 0 },
};

/** After a rejection the process goes round again: a newer investigation or proposal moves forward. */
const RESTARTS_AFTER_REJECTION = ['investigation.started', 'resolution.proposed'];

export interface LifecycleState {
  status: ComplaintStatus;
  cycle: number;
  stage: number;
  stageAt: number;
}

export interface LifecycleEvent {
  type: string;
  cycle: number;
  occurredAt: Date;
}

export const INITIAL_LIFECYCLE: LifecycleState = { status: 'RECEIVED', cycle: 0, stage: 0, stageAt: Number.NEGATIVE_INFINITY };

export function isLifecycleEvent(type: string): boolean {
  return type in LIFECYCLE;
}

/** The state after `event`, unchanged when the event must not move the status. */
export function applyLifecycleEvent(state: LifecycleState, event: LifecycleEvent): LifecycleState {
  const move = LIFECYCLE[event.type];
  if (!move) return state;
  const at = event.occurredAt.getTime();
  const next = { status: move.status, cycle: event.cycle, stage: move.stage, stageAt: at };
  if (event.type === 'complaint.reopened') return event.cycle > state.cycle ? next : state;
  if (event.cycle !== state.cycle) return event.cycle > state.cycle ? next : state;
  if (move.stage > state.stage) return next;
  const goesRoundAgain = state.status === 'RESOLUTION_REJECTED' && RESTARTS_AFTER_REJECTION.includes(event.type);
  return goesRoundAgain && at > state.stageAt ? next : state;
}
