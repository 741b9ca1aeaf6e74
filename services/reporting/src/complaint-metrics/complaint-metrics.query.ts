import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import type { EntityManager } from 'typeorm';
import type { Measure } from '../domain/contributions.js';
import { splitByWholeDays, type TimeRange } from '../domain/date-range.js';
import { MeasureTotals, composeMetrics, locateRank, type ComplaintMetrics, type Overdue } from '../domain/metrics.js';
import { edgeContributions, sumRollups } from '../persistence/rollup-reader.js';

const MEASURES: Measure[] = [
  'received', 'status', 'category', 'channel', 'severity', 'root_cause', 'escalated', 'acknowledged', 'resolved', 'resolve_bucket', 'rating', 'reopened',
];

/**
 * SPEC §4 metrics over complaints received in [from, to): whole days from the daily rollups, partial
 * days from the complaints, what depends on the clock from two small partial indexes, and the median
 * from the histogram's bucket — all in one snapshot, so the parts agree with each other.
 */
@Injectable()
export class ComplaintMetricsQuery {
  constructor(private readonly transactions: TransactionRunner) {}

  execute(range: TimeRange, now = new Date()): Promise<ComplaintMetrics> {
    return this.transactions.dataSource.transaction('REPEATABLE READ', async (db) => {
      const totals = await rangeTotals(db, range, MEASURES);
      const overdue = await countOverdue(db, range, now);
      const median = await medianResolveMs(db, range, totals);
      return composeMetrics(totals, overdue, median);
    });
  }
}

export async function rangeTotals(db: EntityManager, range: TimeRange, measures: Measure[]): Promise<MeasureTotals> {
  const { days, edges } = splitByWholeDays(range);
  const totals = new MeasureTotals();
  if (days) totals.add(await sumRollups(db, measures, days));
  for (const edge of edges) totals.add(await edgeContributions(db, edge, measures));
  return totals;
}

async function countOverdue(db: EntityManager, range: TimeRange, now: Date): Promise<Overdue> {
  const [ack] = await db.query(
    `SELECT count(*)::int AS n FROM complaint_facts
      WHERE acknowledged_at IS NULL AND received_at >= $1 AND received_at < $2 AND acknowledgement_due_at < $3`,
    [range.from, range.to, now],
  );
  const [resolution] = await db.query(
    `SELECT count(*)::int AS n FROM complaint_facts
      WHERE resolved_at IS NULL AND received_at >= $1 AND received_at < $2 AND resolution_due_at < $3`,
    [range.from, range.to, now],
  );
  return { unacknowledged: ack.n, unresolved: resolution.n };
}

/** The median of the exact times to resolve, reading only the one or two histogram buckets it lies in. */
async function medianResolveMs(db: EntityManager, range: TimeRange, totals: MeasureTotals): Promise<number | null> {
  const buckets = totals.counts('resolve_bucket');
  const count = buckets.reduce((sum, b) => sum + b.count, 0);
  if (count === 0) return null;
  const ranks = count % 2 ? [(count - 1) / 2] : [count / 2 - 1, count / 2];
  let sum = 0;
  for (const rank of ranks) sum += await valueAtRank(db, range, locateRank(buckets, rank)!);
  return sum / ranks.length;
}

async function valueAtRank(db: EntityManager, range: TimeRange, at: { bucket: number; offset: number }): Promise<number> {
  const [row] = await db.query(
    `SELECT resolve_ms::float8 AS ms FROM complaint_facts
      WHERE resolved_at IS NOT NULL AND resolve_bucket = $1 AND received_at >= $2 AND received_at < $3
      ORDER BY resolve_ms OFFSET $4 LIMIT 1`,
    [at.bucket, range.from, range.to, at.offset],
  );
  if (!row) throw new Error(`resolve-time histogram and complaints disagree at bucket ${at.bucket}`);
  return row.ms;
}
