import type { Contribution } from './contributions.js';

/** One row of the daily rollup: a measure's count and total for one key on one UTC day. */
export interface RollupRow {
  day: string;
  measure: string;
  key: string;
  n: number;
  total: number;
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The change to the rollups when complaints' facts change: what the new facts contribute minus what
 * the old ones did. Rows come out sorted, so concurrent writers lock rollup rows in the same order.
 */
export class RollupDelta {
  private readonly rows = new Map<string, RollupRow>();

  add(contributions: readonly Contribution[], sign: 1 | -1 = 1): this {
    for (const c of contributions) {
      const day = utcDay(c.at);
      const id = `${c.measure}\u0000${day}\u0000${c.key}`;
      const row = this.rows.get(id) ?? { day, measure: c.measure, key: c.key, n: 0, total: 0 };
      row.n += sign * c.n;
      row.total += sign * c.total;
      this.rows.set(id, row);
    }
    return this;
  }

  /** Rows that actually change, in (measure, day, key) order. */
  changes(): RollupRow[] {
    return [...this.rows.entries()]
      .filter(([, row]) => row.n !== 0 || row.total !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
}
