import type { ComplaintStatus, EventType } from '@redress/contracts';

/**
 * SPEC §5: the status each lifecycle event leads to, in the order of the process. The projection keeps
 * the greatest (cycle, stage) applied, so a late or repeated event never moves a status backwards.
 */
export const LIFECYCLE: Partial<Record<EventType, { status: ComplaintStatus; stage: number }>> = {
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

export const LIFECYCLE_EVENT_TYPES = Object.keys(LIFECYCLE) as EventType[];

/** SPEC §5: acknowledgement and assessment only move a complaint that has not gone further. */
const ONLY_FROM: Partial<Record<EventType, readonly ComplaintStatus[]>> = {
  'complaint.acknowledged': ['RECEIVED'],
  'complaint.assessed': ['RECEIVED', 'ACKNOWLEDGED'],
};

export interface ProjectionState {
  status: ComplaintStatus;
  cycle: number;
  stage: number;
  /** When the last applied event happened: a rejection loops back to investigation or a new proposal. */
  stageAt: Date;
}

export interface LifecycleEvent {
  type: EventType;
  cycle: number;
  occurredAt: Date;
}

/** After a rejection the process goes round again: a newer investigation or proposal moves forward. */
const RESTARTS_AFTER_REJECTION: EventType[] = ['investigation.started', 'resolution.proposed'];

/** The state after `event`, or null when the event must not change the status. */
export function applyLifecycleEvent(state: ProjectionState, event: LifecycleEvent): ProjectionState | null {
  const move = LIFECYCLE[event.type];
  if (!move) return null;
  const next = { status: move.status, cycle: event.cycle, stage: move.stage, stageAt: event.occurredAt };
  if (event.type === 'complaint.reopened') return event.cycle > state.cycle ? next : null;
  if (event.cycle !== state.cycle) return event.cycle > state.cycle ? next : null;
  const onlyFrom = ONLY_FROM[event.type];
  if (onlyFrom) return onlyFrom.includes(state.status) && move.stage > state.stage ? next : null;
  if (move.stage > state.stage) return next;
  const goesRoundAgain = state.status === 'RESOLUTION_REJECTED' && RESTARTS_AFTER_REJECTION.includes(event.type);
  return goesRoundAgain && event.occurredAt > state.stageAt ? next : null;
}

/**
 * The status after every lifecycle event known so far, applied in the order they happened (ties in
 * process order). Events arrive in any order; folding the whole history in time order means an event
 * that comes late lands where it belongs — a rejection delivered after the next proposal still lets that
 * proposal count — and the greatest-(cycle, stage) rule keeps every step from going backwards.
 */
export function projectLifecycle(start: ProjectionState, events: readonly LifecycleEvent[]): ProjectionState {
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.cycle - b.cycle || stageOf(a) - stageOf(b));
  return ordered.reduce((state, event) => applyLifecycleEvent(state, event) ?? state, start);
}

const stageOf = (event: LifecycleEvent) => LIFECYCLE[event.type]?.stage ?? 0;
