import type { EntityManager } from 'typeorm';
import { contributionsOf, type Contribution, type Measure } from '../domain/contributions.js';
import { within, type TimeRange } from '../domain/date-range.js';
import type { RollupRow } from '../domain/rollup-delta.js';
import { factsFromRow, type FactsRow } from './complaint-facts.store.js';

interface DayRange {
  from: string;
  to: string;
}

/** Σ n and Σ total per (measure, key) over whole days [from, to). */
export async function sumRollups(db: EntityManager, measures: readonly Measure[], days: DayRange): Promise<RollupRow[]> {
  return db.query(
    `SELECT measure, key, '' AS day, sum(n)::float8 AS n, sum(total)::float8 AS total FROM metric_daily
      WHERE measure = ANY($1::text[]) AND day >= $2::date AND day < $3::date GROUP BY measure, key`,
    [measures, days.from, days.to],
  );
}

/** Σ n per (measure, day) over whole days [from, to), of one key or all. */
export async function dailyRollups(db: EntityManager, measures: readonly Measure[], days: DayRange, key: string | null): Promise<RollupRow[]> {
  const rows: { measure: string; day: string; n: number }[] = await db.query(
    `SELECT measure, to_char(day, 'YYYY-MM-DD') AS day, sum(n)::float8 AS n FROM metric_daily
      WHERE measure = ANY($1::text[]) AND day >= $2::date AND day < $3::date AND ($4::text IS NULL OR key = $4)
      GROUP BY measure, day`,
    [measures, days.from, days.to, key],
  );
  return rows.map((row) => ({ ...row, key: '', total: 0 }));
}

/**
 * The contributions that fall inside a partial day, computed from the complaints themselves with the
 * same rule the rollups are kept by (`closure` is dated by closing time, everything else by receipt).
 */
export async function edgeContributions(db: EntityManager, edge: TimeRange, measures: readonly Measure[]): Promise<Contribution[]> {
  const wanted = new Set<string>(measures);
  const byReceipt: FactsRow[] = measures.some((m) => m !== 'closure')
    ? await db.query(`SELECT * FROM complaint_facts WHERE received_at >= $1 AND received_at < $2`, [edge.from, edge.to])
    : [];
  const byClosure: FactsRow[] = wanted.has('closure')
    ? await db.query(
      `SELECT * FROM complaint_facts WHERE complaint_id IN (SELECT complaint_id FROM complaint_closures WHERE closed_at >= $1 AND closed_at < $2)`,
      [edge.from, edge.to],
    )
    : [];
  const out: Contribution[] = [];
  for (const row of byReceipt) out.push(...contributionsOf(factsFromRow(row)).filter((c) => c.measure !== 'closure' && wanted.has(c.measure)));
  for (const row of byClosure) out.push(...contributionsOf(factsFromRow(row)).filter((c) => c.measure === 'closure' && within(c.at, edge)));
  return out;
}
