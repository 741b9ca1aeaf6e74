import type { ComplaintStatus, ProposalStatus } from '@redress/contracts';
import { Conflict } from '@redress/errors';

/** What resolution itself recorded in the complaint's current cycle. */
export interface ResolutionFacts {
  /** The newest proposal of the cycle. */
  latestProposal: { status: ProposalStatus; implemented: boolean } | null;
  followedUp: boolean;
  closed: boolean;
}

/**
 * The complaint's status once intake has applied what resolution already committed: intake learns of
 * resolution's events a moment later, and a customer or agent may act within that moment.
 */
export function statusWithOwnEvents(intakeStatus: ComplaintStatus, facts: ResolutionFacts): ComplaintStatus {
  if (facts.closed) return 'CLOSED';
  if (facts.followedUp) return 'FOLLOWED_UP';
  const proposal = facts.latestProposal;
  if (!proposal) return intakeStatus;
  if (proposal.implemented) return 'RESOLVED';
  if (proposal.status === 'ACCEPTED') return 'RESOLUTION_ACCEPTED';
  if (proposal.status === 'PROPOSED') return 'RESOLUTION_PROPOSED';
  // After a rejection the process may already have gone back to a new investigation.
  return intakeStatus === 'INVESTIGATING' ? 'INVESTIGATING' : 'RESOLUTION_REJECTED';
}

/** SPEC §5: where a proposal may be made (and only when no other one is waiting for the customer). */
export const PROPOSABLE: readonly ComplaintStatus[] = ['RECEIVED', 'ACKNOWLEDGED', 'ASSESSED', 'INVESTIGATING', 'RESOLUTION_REJECTED', 'REOPENED'];

export function assertMayPropose(status: ComplaintStatus, proposalPending: boolean): void {
  if (proposalPending) throw new Conflict('Another proposal is still waiting for the customer\'s decision');
  if (!PROPOSABLE.includes(status)) throw new Conflict(`A resolution cannot be proposed while the complaint is ${status}`);
}

/** SPEC §5: a follow-up (staff call or survey) once per cycle, after the resolution was implemented. */
export function assertMayFollowUp(status: ComplaintStatus): void {
  if (status === 'FOLLOWED_UP') throw new Conflict('The follow-up of this cycle is already recorded');
  if (status !== 'RESOLVED') throw new Conflict(`A follow-up needs a RESOLVED complaint; it is ${status}`);
}

/** SPEC §5: close after the follow-up; straight from RESOLVED only with a manager's override reason. */
export function assertMayClose(status: ComplaintStatus, override: boolean): void {
  if (status === 'FOLLOWED_UP' || (status === 'RESOLVED' && override)) return;
  if (status === 'RESOLVED') throw new Conflict('Closing before the follow-up needs a MANAGER\'s overrideReason');
  throw new Conflict(`The complaint cannot be closed while it is ${status}`);
}

/** SPEC §5: customer decisions are for PROPOSED proposals; implementation for ACCEPTED ones, once. */
export function assertDecidable(proposal: { status: ProposalStatus }): void {
  if (proposal.status !== 'PROPOSED') throw new Conflict(`The proposal was already ${proposal.status}`);
}

export function assertImplementable(proposal: { status: ProposalStatus; implementedAt: Date | null }): void {
  if (proposal.status !== 'ACCEPTED') throw new Conflict(`Only an ACCEPTED proposal can be implemented; this one is ${proposal.status}`);
  if (proposal.implementedAt) throw new Conflict('The proposal was already implemented');
}
