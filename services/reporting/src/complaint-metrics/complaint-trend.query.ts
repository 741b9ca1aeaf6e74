import { Injectable } from '@nestjs/common';
import type { Category, TrendInterval } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import { splitByWholeDays, within, type TimeRange } from '../domain/date-range.js';
import { periodStart, periodsOf } from '../domain/trend-periods.js';
import { dailyRollups, edgeContributions } from '../persistence/rollup-reader.js';

export interface TrendPoint {
  periodStart: Date;
  received: number;
  closed: number;
}

/**
 * Complaints received and closures per calendar period (UTC; weeks start on Monday) within [from, to),
 * optionally of one category (its current one). Every period overlapping the range is listed, zeros included.
 */
@Injectable()
export class ComplaintTrendQuery {
  constructor(private readonly transactions: TransactionRunner) {}

  execute(interval: TrendInterval, range: TimeRange, category: Category | null): Promise<TrendPoint[]> {
    return this.transactions.dataSource.transaction('REPEATABLE READ', async (db) => {
      const points = new Map(periodsOf(range, interval).map((start) => [start.getTime(), { periodStart: start, received: 0, closed: 0 }]));
      const count = (at: Date, measure: string, n: number) => {
        const point = points.get(periodStart(at, interval).getTime());
        if (point) point[measure === 'closure' ? 'closed' : 'received'] += n;
      };
      const { days, edges } = splitByWholeDays(range);
      if (days) {
        for (const row of await dailyRollups(db, ['category', 'closure'], days, category)) count(new Date(`${row.day}T00:00:00.000Z`), row.measure, Number(row.n));
      }
      for (const edge of edges) {
        for (const c of await edgeContributions(db, edge, ['category', 'closure'])) {
          if (within(c.at, edge) && (category === null || c.key === category)) count(c.at, c.measure, c.n);
        }
      }
      return [...points.values()];
    });
  }
}
