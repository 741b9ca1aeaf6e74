import { Injectable, Logger } from '@nestjs/common';
import { Category } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { utcDay, type RollupRow } from '../domain/rollup-delta.js';
import { SPIKE_RULE, baselineOf, isSpike } from '../domain/spike-rule.js';
import { nextPeriod, periodStart } from '../domain/trend-periods.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * After the rollups moved: for each category that just gained complaints received this week, compares
 * the week so far with its baseline and, the first time it is a spike, records it and publishes
 * `complaint.trend_alert` in the same transaction (outbox) — managers are notified from that event.
 * History (imports, rebuilds, late events about past weeks) raises nothing.
 */
@Injectable()
export class DetectSpikesHandler {
  private readonly logger = new Logger(DetectSpikesHandler.name);

  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  async execute(changes: readonly RollupRow[], now = new Date()): Promise<void> {
    const week = periodStart(now, SPIKE_RULE.interval);
    const weekEnd = nextPeriod(week, SPIKE_RULE.interval);
    const categories = [...new Set(changes
      .filter((c) => c.measure === 'category' && c.n > 0 && c.day >= utcDay(week) && c.day < utcDay(weekEnd) && (Category as readonly string[]).includes(c.key))
      .map((c) => c.key))];
    if (!categories.length) return;
    await this.transactions.run(async (db) => {
      const volumes: { key: string; current: number; previous: number }[] = await db.query(
        `SELECT key, coalesce(sum(n) FILTER (WHERE day >= $2::date), 0)::int AS current, coalesce(sum(n) FILTER (WHERE day < $2::date), 0)::int AS previous
           FROM metric_daily WHERE measure = 'category' AND key = ANY($1::text[]) AND day >= $3::date AND day < $4::date GROUP BY key`,
        [categories, utcDay(week), utcDay(new Date(week.getTime() - SPIKE_RULE.baselineWeeks * WEEK_MS)), utcDay(weekEnd)],
      );
      for (const { key, current, previous } of volumes) {
        const baseline = baselineOf(previous);
        if (isSpike(current, baseline)) await this.raise(key as Category, week, current, baseline);
      }
    });
  }

  private async raise(category: Category, week: Date, count: number, baseline: number): Promise<void> {
    const db = this.transactions.requireManager();
    const raised = await db.query(
      `INSERT INTO trend_alerts (category, period_start, count, baseline) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING category`,
      [category, week, count, baseline],
    );
    if (!raised.length) return;
    await this.events.publish({ type: 'complaint.trend_alert', complaintId: null, reference: null, actor: null, data: { category, periodStart: week.toISOString(), count, baseline } });
    this.logger.warn({ msg: 'complaint volume spike', category, periodStart: week.toISOString(), count, baseline });
  }
}
