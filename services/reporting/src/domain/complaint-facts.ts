import type { ComplaintStatus } from '@redress/contracts';
import { INITIAL_LIFECYCLE, applyLifecycleEvent, isLifecycleEvent } from './lifecycle.js';
import { distinctInTimeOrder, type StoredEvent } from './stored-event.js';

/**
 * What reporting knows about one complaint, derived from all its events. A pure function of the set of
 * events: duplicates and arrival order change nothing, so live projection and rebuild agree.
 */
export interface ComplaintFacts {
  complaintId: string;
  reference: string | null;
  /** Null until `complaint.received` is stored: such a complaint counts in no metric yet. */
  receivedAt: Date | null;
  channel: string | null;
  category: string | null;
  severity: string | null;
  priority: string | null;
  acknowledgementDueAt: Date | null;
  /** When the first resolution was due: set at receipt, moved by assessments of the first cycle. */
  resolutionDueAt: Date | null;
  acknowledgedAt: Date | null;
  /** The first time the status reached RESOLVED (`resolution.implemented`). */
  resolvedAt: Date | null;
  status: ComplaintStatus;
  cycle: number;
  escalated: boolean;
  reopenCount: number;
  /** When each cycle was closed, oldest first. */
  closures: Date[];
  rating: number | null;
  satisfied: boolean | null;
  rootCause: string | null;
  /** Agents and managers who acted on it (sorted). */
  agentIds: string[];
  /** Investigators assigned to it or acting on its investigation (sorted). */
  investigatorIds: string[];
  remedy: { type: string; amount: number | null; currency: string | null } | null;
  eventCount: number;
  lastEventAt: Date | null;
}

export function emptyFacts(complaintId: string): ComplaintFacts {
  return {
    complaintId, reference: null, receivedAt: null, channel: null, category: null, severity: null, priority: null,
    acknowledgementDueAt: null, resolutionDueAt: null, acknowledgedAt: null, resolvedAt: null, status: 'RECEIVED', cycle: 0,
    escalated: false, reopenCount: 0, closures: [], rating: null, satisfied: null, rootCause: null, agentIds: [], investigatorIds: [],
    remedy: null, eventCount: 0, lastEventAt: null,
  };
}

type Data = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const time = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);
const AGENT_ROLES = new Set(['AGENT', 'MANAGER']);

/** Folds every known event of one complaint (any order, duplicates allowed) into its facts. */
export function foldComplaint(complaintId: string, events: readonly StoredEvent[]): ComplaintFacts {
  const facts = emptyFacts(complaintId);
  const ordered = distinctInTimeOrder(events.filter((event) => event.version === 1));
  let lifecycle = INITIAL_LIFECYCLE;
  const agents = new Set<string>();
  const investigators = new Set<string>();
  const closedCycles = new Map<number, Date>();
  const reopenedCycles = new Set<number>();
  let received = false;
  for (const event of ordered) {
    const data = event.data as Data;
    const cycle = typeof data.cycle === 'number' ? data.cycle : 0;
    facts.reference ??= event.reference;
    if (isLifecycleEvent(event.type)) lifecycle = applyLifecycleEvent(lifecycle, { type: event.type, cycle, occurredAt: event.occurredAt });
    if (event.actorId && event.actorRole && AGENT_ROLES.has(event.actorRole)) agents.add(event.actorId);
    if (event.actorId && event.actorRole === 'INVESTIGATOR') investigators.add(event.actorId);
    switch (event.type) {
      case 'complaint.received':
        if (received) break; // one per complaint; should a second ever appear, the first one counts
        received = true;
        facts.receivedAt = time(data.receivedAt);
        facts.channel = text(data.channel);
        // `??=`: an assessment stamped earlier than the receipt (clock skew between services) still wins.
        facts.category ??= text(data.category);
        facts.severity ??= text(data.severity);
        facts.priority ??= text(data.priority);
        facts.acknowledgementDueAt = time(data.acknowledgementDueAt);
        facts.resolutionDueAt ??= time(data.resolutionDueAt);
        break;
      case 'complaint.assessed': // the latest assessment decides (events are in time order)
        facts.category = text(data.category);
        facts.severity = text(data.severity);
        facts.priority = text(data.priority);
        if (cycle === 0) facts.resolutionDueAt = time(data.resolutionDueAt); // the clock of the first resolution
        break;
      case 'complaint.acknowledged':
        facts.acknowledgedAt ??= time(data.acknowledgedAt);
        break;
      case 'complaint.escalated':
        facts.escalated = true;
        break;
      case 'complaint.reopened':
        reopenedCycles.add(cycle);
        break;
      case 'investigation.started':
      case 'investigation.reassigned':
        if (text(data.assigneeId)) investigators.add(data.assigneeId as string);
        break;
      case 'investigation.completed':
        facts.rootCause = text(data.rootCauseCategory);
        break;
      case 'resolution.implemented':
        facts.resolvedAt ??= event.occurredAt;
        facts.remedy = { type: String(data.type), amount: typeof data.amount === 'number' ? data.amount : null, currency: text(data.currency) };
        break;
      case 'followup.recorded':
        facts.rating = typeof data.rating === 'number' ? data.rating : null;
        facts.satisfied = typeof data.satisfied === 'boolean' ? data.satisfied : null;
        break;
      case 'complaint.closed':
        if (!closedCycles.has(cycle)) closedCycles.set(cycle, time(data.closedAt) ?? event.occurredAt);
        break;
    }
  }
  facts.status = lifecycle.status;
  facts.cycle = lifecycle.cycle;
  facts.reopenCount = reopenedCycles.size;
  facts.closures = [...closedCycles.values()].sort((a, b) => a.getTime() - b.getTime());
  facts.agentIds = [...agents].sort();
  facts.investigatorIds = [...investigators].sort();
  facts.eventCount = ordered.length;
  facts.lastEventAt = ordered.length ? ordered[ordered.length - 1].occurredAt : null;
  return facts;
}
