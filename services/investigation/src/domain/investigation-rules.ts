import type { ComplaintStatus } from '@redress/contracts';
import { Conflict } from '@redress/errors';

/** SPEC §5: the statuses in which an investigation may start. */
export const STARTABLE_STATUSES: readonly ComplaintStatus[] = ['RECEIVED', 'ACKNOWLEDGED', 'ASSESSED', 'RESOLUTION_REJECTED', 'REOPENED'];

/** Statuses intake shows before this cycle's investigation started. */
const BEFORE_INVESTIGATION: readonly ComplaintStatus[] = ['RECEIVED', 'ACKNOWLEDGED', 'ASSESSED', 'REOPENED'];

export interface InvestigationFacts {
  /** An investigation of the complaint is OPEN (whatever its cycle). */
  open: boolean;
  /** An investigation was started in the complaint's current cycle. */
  startedThisCycle: boolean;
}

/**
 * The status the complaint has once intake applied what this service already did: intake learns
 * of `investigation.started` a moment after it committed here.
 */
export function statusWithOwnEvents(intakeStatus: ComplaintStatus, facts: InvestigationFacts): ComplaintStatus {
  return facts.startedThisCycle && BEFORE_INVESTIGATION.includes(intakeStatus) ? 'INVESTIGATING' : intakeStatus;
}

/** Throws CONFLICT unless SPEC §5 lets an investigation start now. */
export function assertInvestigationMayStart(intakeStatus: ComplaintStatus, facts: InvestigationFacts): void {
  if (facts.open) throw new Conflict('The complaint already has an OPEN investigation');
  const status = statusWithOwnEvents(intakeStatus, facts);
  if (!STARTABLE_STATUSES.includes(status)) {
    throw new Conflict(`An investigation cannot start while the complaint is ${status} (allowed: ${STARTABLE_STATUSES.join(', ')})`);
  }
}

/** Notes, completion and reassignment apply to OPEN investigations only. */
export function assertOpen(investigation: { status: string }, action: string): void {
  if (investigation.status !== 'OPEN') throw new Conflict(`Cannot ${action}: the investigation is ${investigation.status}`);
}
