import type { RollupRow } from './rollup-delta.js';

export interface Count {
  key: string;
  count: number;
}

export interface ParetoEntry extends Count {
  share: number;
  cumulativeShare: number;
}

/** SPEC §4's ComplaintMetrics, plus the breakdowns a quarterly review uses. */
export interface ComplaintMetrics {
  received: number;
  open: number;
  closed: number;
  escalated: number;
  acknowledgedWithinSlaRate: number | null;
  resolvedWithinSlaRate: number | null;
  meanHoursToAcknowledge: number | null;
  medianHoursToResolve: number | null;
  averageRating: number | null;
  reopenRate: number | null;
  byCategory: Count[];
  byChannel: Count[];
  bySeverity: Count[];
  byStatus: Count[];
  topRootCauses: Count[];
  escalationRate: number | null;
  csatScore: number | null;
  ratingDistribution: Count[];
  rootCausePareto: ParetoEntry[];
}

/** Sums of each (measure, key) over the range: rollup rows plus the partial days' contributions. */
export class MeasureTotals {
  private readonly sums = new Map<string, Map<string, { n: number; total: number }>>();

  add(rows: Iterable<Pick<RollupRow, 'measure' | 'key' | 'n' | 'total'>>): this {
    for (const row of rows) {
      const keys = this.sums.get(row.measure) ?? new Map<string, { n: number; total: number }>();
      const sum = keys.get(row.key) ?? { n: 0, total: 0 };
      sum.n += Number(row.n);
      sum.total += Number(row.total);
      keys.set(row.key, sum);
      this.sums.set(row.measure, keys);
    }
    return this;
  }

  n(measure: string, key = ''): number {
    return this.sums.get(measure)?.get(key)?.n ?? 0;
  }

  total(measure: string, key = ''): number {
    return this.sums.get(measure)?.get(key)?.total ?? 0;
  }

  /** Σ n and Σ total over every key of a measure. */
  all(measure: string): { n: number; total: number } {
    let n = 0;
    let total = 0;
    for (const sum of this.sums.get(measure)?.values() ?? []) {
      n += sum.n;
      total += sum.total;
    }
    return { n, total };
  }

  counts(measure: string): Count[] {
    return [...(this.sums.get(measure) ?? [])]
      .filter(([, sum]) => sum.n > 0)
      .map(([key, sum]) => ({ key, count: sum.n }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }
}

/** What the clock decides at query time: complaints whose due date passed with the clock still running. */
export interface Overdue {
  unacknowledged: number;
  unresolved: number;
}

const HOUR = 3_600_000;
const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function composeMetrics(totals: MeasureTotals, overdue: Overdue, medianResolveMs: number | null): ComplaintMetrics {
  const received = totals.n('received');
  const closed = totals.n('status', 'CLOSED');
  const acknowledged = totals.all('acknowledged');
  const resolved = totals.all('resolved');
  const ratings = totals.all('rating');
  const rootCauses = totals.counts('root_cause');
  const rated = [1, 2, 3, 4, 5].map((rating) => ({ key: String(rating), count: totals.n('rating', String(rating)) }));
  return {
    received,
    open: received - closed,
    closed,
    escalated: totals.n('escalated'),
    acknowledgedWithinSlaRate: rate(totals.n('acknowledged', 'within'), acknowledged.n + overdue.unacknowledged),
    resolvedWithinSlaRate: rate(totals.n('resolved', 'within'), resolved.n + overdue.unresolved),
    meanHoursToAcknowledge: acknowledged.n ? acknowledged.total / acknowledged.n / HOUR : null,
    medianHoursToResolve: medianResolveMs === null ? null : medianResolveMs / HOUR,
    averageRating: ratings.n ? ratings.total / ratings.n : null,
    reopenRate: rate(totals.n('reopened'), resolved.n),
    byCategory: totals.counts('category'),
    byChannel: totals.counts('channel'),
    bySeverity: totals.counts('severity'),
    byStatus: totals.counts('status'),
    topRootCauses: rootCauses.slice(0, 10),
    escalationRate: rate(totals.n('escalated'), received),
    csatScore: rate(rated[3].count + rated[4].count, ratings.n),
    ratingDistribution: rated,
    rootCausePareto: pareto(rootCauses),
  };
}

function pareto(counts: Count[]): ParetoEntry[] {
  const whole = counts.reduce((sum, c) => sum + c.count, 0);
  let cumulative = 0;
  return counts.map((c) => {
    cumulative += c.count;
    return { ...c, share: c.count / whole, cumulativeShare: cumulative / whole };
  });
}

/**
 * Which bucket of the time-to-resolve histogram holds the value of rank `rank` (0-based, ascending),
 * and its rank inside that bucket.
 */
export function locateRank(buckets: Count[], rank: number): { bucket: number; offset: number } | null {
  let before = 0;
  for (const { key, count } of [...buckets].sort((a, b) => Number(a.key) - Number(b.key))) {
    if (rank < before + count) return { bucket: Number(key), offset: rank - before };
    before += count;
  }
  return null;
}
