import type { EventEnvelope } from '@redress/contracts';

/**
 * An independent count of SPEC §4's metrics straight from the events a test published — written
 * without the service's code, the plainest way: group by complaint, read each fact off its events.
 */
type Envelope = EventEnvelope & { data: Record<string, any> };
interface Count { key: string; count: number }

const HOUR = 3_600_000;
const STATUS: Record<string, string> = {
  'complaint.received': 'RECEIVED', 'complaint.acknowledged': 'ACKNOWLEDGED', 'complaint.assessed': 'ASSESSED',
  'investigation.started': 'INVESTIGATING', 'resolution.proposed': 'RESOLUTION_PROPOSED', 'resolution.accepted': 'RESOLUTION_ACCEPTED',
  'resolution.rejected': 'RESOLUTION_REJECTED', 'resolution.implemented': 'RESOLVED', 'followup.recorded': 'FOLLOWED_UP',
  'complaint.closed': 'CLOSED', 'complaint.reopened': 'REOPENED',
};

export interface OracleComplaint {
  id: string;
  receivedAt: number;
  category: string;
  channel: string;
  severity: string;
  status: string;
  escalated: boolean;
  acknowledgedAt: number | null;
  acknowledgementDueAt: number;
  resolvedAt: number | null;
  resolutionDueAt: number;
  rating: number | null;
  reopened: boolean;
  rootCause: string | null;
  closures: number[];
  agents: string[];
  investigators: string[];
}

const t = (iso: string) => Date.parse(iso);

export function oracleComplaints(all: readonly EventEnvelope[]): OracleComplaint[] {
  const unique = [...new Map(all.map((e) => [e.id, e as Envelope])).values()];
  const byComplaint = new Map<string, Envelope[]>();
  for (const e of unique) if (e.complaintId) byComplaint.set(e.complaintId, [...(byComplaint.get(e.complaintId) ?? []), e]);
  const out: OracleComplaint[] = [];
  for (const [id, events] of byComplaint) {
    events.sort((a, b) => t(a.occurredAt) - t(b.occurredAt));
    const of = (type: string) => events.filter((e) => e.type === type);
    const received = of('complaint.received')[0];
    if (!received) continue;
    const assessed = of('complaint.assessed');
    const lifecycle = events.filter((e) => STATUS[e.type]);
    // An acknowledgement moves nothing once anything but the receipt has happened.
    const moving = lifecycle.filter((e, i) => e.type !== 'complaint.acknowledged' || lifecycle.slice(0, i).every((p) => p.type === 'complaint.received'));
    const completed = of('investigation.completed');
    const followUps = of('followup.recorded');
    const firstCycleAssessments = assessed.filter((e) => e.data.cycle === 0);
    out.push({
      id,
      receivedAt: t(received.data.receivedAt),
      category: assessed.at(-1)?.data.category ?? received.data.category ?? 'UNKNOWN',
      channel: received.data.channel,
      severity: assessed.at(-1)?.data.severity ?? received.data.severity ?? 'UNKNOWN',
      status: STATUS[moving.at(-1)!.type],
      escalated: of('complaint.escalated').length > 0,
      acknowledgedAt: of('complaint.acknowledged')[0] ? t(of('complaint.acknowledged')[0].data.acknowledgedAt) : null,
      acknowledgementDueAt: t(received.data.acknowledgementDueAt),
      resolvedAt: of('resolution.implemented')[0] ? t(of('resolution.implemented')[0].occurredAt) : null,
      resolutionDueAt: t(firstCycleAssessments.at(-1)?.data.resolutionDueAt ?? received.data.resolutionDueAt),
      rating: followUps.at(-1)?.data.rating ?? null,
      reopened: of('complaint.reopened').length > 0,
      rootCause: completed.at(-1)?.data.rootCauseCategory ?? null,
      closures: of('complaint.closed').map((e) => t(e.data.closedAt)),
      agents: [...new Set(events.filter((e) => e.actor && ['AGENT', 'MANAGER'].includes(e.actor.role)).map((e) => e.actor!.id))],
      investigators: [...new Set([
        ...events.filter((e) => e.actor?.role === 'INVESTIGATOR').map((e) => e.actor!.id),
        ...events.filter((e) => e.type.startsWith('investigation.') && e.data.assigneeId).map((e) => e.data.assigneeId as string),
      ])],
    });
  }
  return out;
}

function countBy(items: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const share = (part: number, whole: number) => (whole ? part / whole : null);

export function expectedMetrics(events: readonly EventEnvelope[], from: Date, to: Date, now: number) {
  const inRange = oracleComplaints(events).filter((c) => c.receivedAt >= from.getTime() && c.receivedAt < to.getTime());
  const acknowledged = inRange.filter((c) => c.acknowledgedAt !== null);
  const resolved = inRange.filter((c) => c.resolvedAt !== null);
  const rated = inRange.filter((c) => c.rating !== null);
  const closed = inRange.filter((c) => c.status === 'CLOSED').length;
  const rootCauses = countBy(inRange.flatMap((c) => (c.rootCause ? [c.rootCause] : [])));
  const causeTotal = rootCauses.reduce((a, c) => a + c.count, 0);
  return {
    received: inRange.length,
    open: inRange.length - closed,
    closed,
    escalated: inRange.filter((c) => c.escalated).length,
    acknowledgedWithinSlaRate: share(
      acknowledged.filter((c) => c.acknowledgedAt! <= c.acknowledgementDueAt).length,
      acknowledged.length + inRange.filter((c) => c.acknowledgedAt === null && c.acknowledgementDueAt < now).length,
    ),
    resolvedWithinSlaRate: share(
      resolved.filter((c) => c.resolvedAt! <= c.resolutionDueAt).length,
      resolved.length + inRange.filter((c) => c.resolvedAt === null && c.resolutionDueAt < now).length,
    ),
    meanHoursToAcknowledge: mean(acknowledged.map((c) => (c.acknowledgedAt! - c.receivedAt) / HOUR)),
    medianHoursToResolve: median(resolved.map((c) => (c.resolvedAt! - c.receivedAt) / HOUR)),
    averageRating: mean(rated.map((c) => c.rating!)),
    reopenRate: share(resolved.filter((c) => c.reopened).length, resolved.length),
    byCategory: countBy(inRange.map((c) => c.category)),
    byChannel: countBy(inRange.map((c) => c.channel)),
    bySeverity: countBy(inRange.map((c) => c.severity)),
    byStatus: countBy(inRange.map((c) => c.status)),
    topRootCauses: rootCauses.slice(0, 10),
    escalationRate: share(inRange.filter((c) => c.escalated).length, inRange.length),
    csatScore: share(rated.filter((c) => c.rating! >= 4).length, rated.length),
    ratingDistribution: [1, 2, 3, 4, 5].map((r) => ({ key: String(r), count: rated.filter((c) => c.rating === r).length })),
    rootCausePareto: rootCauses.map((c, i) => ({
      ...c, share: c.count / causeTotal, cumulativeShare: rootCauses.slice(0, i + 1).reduce((a, x) => a + x.count, 0) / causeTotal,
    })),
  };
}

/** Received and closures per period, periods given by their starts (the last one ends at `to`'s period end). */
export function expectedTrend(events: readonly EventEnvelope[], starts: Date[], end: Date, from: Date, to: Date, category: string | null) {
  const complaints = oracleComplaints(events).filter((c) => category === null || c.category === category);
  const bounds = [...starts.map((s) => s.getTime()), end.getTime()];
  const inside = (at: number, i: number) => at >= Math.max(bounds[i], from.getTime()) && at < Math.min(bounds[i + 1], to.getTime());
  return starts.map((start, i) => ({
    periodStart: start.toISOString(),
    received: complaints.filter((c) => inside(c.receivedAt, i)).length,
    closed: complaints.flatMap((c) => c.closures).filter((at) => inside(at, i)).length,
  }));
}

/** Per staff member and role, over complaints received in [from, to) they handled — counted independently. */
export function expectedStaffPerformance(events: readonly EventEnvelope[], from: Date, to: Date, now: number) {
  const inRange = oracleComplaints(events).filter((c) => c.receivedAt >= from.getTime() && c.receivedAt < to.getTime());
  const rows: { staffId: string; role: string; handled: OracleComplaint[] }[] = [];
  for (const role of ['AGENT', 'INVESTIGATOR'] as const) {
    const ids = new Set(inRange.flatMap((c) => (role === 'AGENT' ? c.agents : c.investigators)));
    for (const staffId of ids) rows.push({ staffId, role, handled: inRange.filter((c) => (role === 'AGENT' ? c.agents : c.investigators).includes(staffId)) });
  }
  return rows
    .map(({ staffId, role, handled }) => {
      const resolved = handled.filter((c) => c.resolvedAt !== null);
      const rated = handled.filter((c) => c.rating !== null);
      return {
        staffId, role, handled: handled.length,
        medianHoursToResolve: median(resolved.map((c) => (c.resolvedAt! - c.receivedAt) / HOUR)),
        slaMetRate: share(resolved.filter((c) => c.resolvedAt! <= c.resolutionDueAt).length, resolved.length + handled.filter((c) => c.resolvedAt === null && c.resolutionDueAt < now).length),
        averageRating: mean(rated.map((c) => c.rating!)),
        reopenRate: share(resolved.filter((c) => c.reopened).length, resolved.length),
      };
    })
    .sort((a, b) => b.handled - a.handled || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : a.role < b.role ? -1 : 1));
}
