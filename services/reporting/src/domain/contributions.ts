import type { ComplaintFacts } from './complaint-facts.js';

/**
 * What one complaint adds to the daily rollups. Every measure but `closure` is dated by when the
 * complaint was received (SPEC §4 counts complaints received in [from, to)); `closure` by when it
 * was closed. `total` is a sum in milliseconds (hours to acknowledge or resolve) or of ratings, kept
 * as an integer so that adding and removing contributions never drifts.
 */
export interface Contribution {
  at: Date;
  measure: Measure;
  key: string;
  n: number;
  total: number;
}

export type Measure =
  | 'received' | 'status' | 'category' | 'channel' | 'severity' | 'root_cause' | 'escalated'
  | 'acknowledged' | 'resolved' | 'resolve_bucket' | 'rating' | 'reopened' | 'closure';

/** The key for a dimension nobody has set yet (e.g. a complaint received without a category). */
export const UNKNOWN = 'UNKNOWN';

export function contributionsOf(facts: ComplaintFacts): Contribution[] {
  const at = facts.receivedAt;
  if (!at) return [];
  const one = (measure: Measure, key = '', total = 0): Contribution => ({ at, measure, key, n: 1, total });
  const out: Contribution[] = [
    one('received'),
    one('status', facts.status),
    one('category', facts.category ?? UNKNOWN),
    one('channel', facts.channel ?? UNKNOWN),
    one('severity', facts.severity ?? UNKNOWN),
  ];
  if (facts.rootCause) out.push(one('root_cause', facts.rootCause));
  if (facts.escalated) out.push(one('escalated'));
  if (facts.acknowledgedAt) {
    const within = facts.acknowledgementDueAt !== null && facts.acknowledgedAt <= facts.acknowledgementDueAt;
    out.push(one('acknowledged', within ? 'within' : 'late', facts.acknowledgedAt.getTime() - at.getTime()));
  }
  if (facts.resolvedAt) {
    const within = facts.resolutionDueAt !== null && facts.resolvedAt <= facts.resolutionDueAt;
    const ms = facts.resolvedAt.getTime() - at.getTime();
    out.push(one('resolved', within ? 'within' : 'late', ms), one('resolve_bucket', String(resolveBucket(ms))));
    if (facts.reopenCount > 0) out.push(one('reopened'));
  }
  if (facts.rating !== null) out.push(one('rating', String(facts.rating), facts.rating));
  for (const closedAt of facts.closures) out.push({ at: closedAt, measure: 'closure', key: facts.category ?? UNKNOWN, n: 1, total: 0 });
  return out;
}

const HOUR = 3_600_000;

/**
 * The histogram bucket (its lower bound in hours) of a time to resolve: hourly for two days, six-hourly
 * to ten days, daily to sixty days, weekly after. The median is found in the rollup's buckets and then
 * read exactly from the complaints in its bucket.
 */
export function resolveBucket(ms: number): number {
  const hours = ms / HOUR;
  if (hours < 48) return Math.floor(hours);
  if (hours < 240) return 48 + 6 * Math.floor((hours - 48) / 6);
  if (hours < 1440) return 240 + 24 * Math.floor((hours - 240) / 24);
  return 1440 + 168 * Math.floor((hours - 1440) / 168);
}
