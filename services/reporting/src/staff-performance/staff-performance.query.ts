import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import type { TimeRange } from '../domain/date-range.js';

/** How one agent or investigator did with the complaints received in the period that they handled. */
export interface StaffPerformance {
  staffId: string;
  /** AGENT: acted on the complaint as AGENT or MANAGER; INVESTIGATOR: assigned to or worked its investigation. */
  role: 'AGENT' | 'INVESTIGATOR';
  handled: number;
  medianHoursToResolve: number | null;
  slaMetRate: number | null;
  averageRating: number | null;
  reopenRate: number | null;
}

const HOUR = 3_600_000;

/**
 * Per staff member, over the complaints received in [from, to) they handled: the same definitions as
 * complaintMetrics (first resolution against its due date, overdue ones counted as missed, the latest
 * rating, reopened among resolved). Busiest first.
 */
@Injectable()
export class StaffPerformanceQuery {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute(range: TimeRange, now = new Date()): Promise<StaffPerformance[]> {
    const rows: Record<string, number | string | null>[] = await this.transactions.manager.query(
      `WITH handled AS (
         SELECT s.staff_id, s.role, f.resolved_at, f.resolution_due_at, f.resolve_ms, f.rating, f.reopen_count
           FROM complaint_facts f
           CROSS JOIN LATERAL (
             SELECT unnest(f.agent_ids) AS staff_id, 'AGENT' AS role
             UNION ALL SELECT unnest(f.investigator_ids), 'INVESTIGATOR'
           ) s
          WHERE f.received_at >= $1 AND f.received_at < $2
       )
       SELECT staff_id AS "staffId", role, count(*)::int AS handled,
              (percentile_cont(0.5) WITHIN GROUP (ORDER BY resolve_ms) FILTER (WHERE resolved_at IS NOT NULL))::float8 AS "medianMs",
              count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
              count(*) FILTER (WHERE resolved_at <= resolution_due_at)::int AS "withinSla",
              count(*) FILTER (WHERE resolved_at IS NULL AND resolution_due_at < $3)::int AS overdue,
              avg(rating)::float8 AS "averageRating",
              count(*) FILTER (WHERE resolved_at IS NOT NULL AND reopen_count > 0)::int AS reopened
         FROM handled GROUP BY staff_id, role ORDER BY handled DESC, staff_id, role`,
      [range.from, range.to, now],
    );
    return rows.map((row) => {
      const resolved = Number(row.resolved);
      const measured = resolved + Number(row.overdue);
      return {
        staffId: String(row.staffId),
        role: row.role as StaffPerformance['role'],
        handled: Number(row.handled),
        medianHoursToResolve: row.medianMs === null ? null : Number(row.medianMs) / HOUR,
        slaMetRate: measured ? Number(row.withinSla) / measured : null,
        averageRating: row.averageRating === null ? null : Number(row.averageRating),
        reopenRate: resolved ? Number(row.reopened) / resolved : null,
      };
    });
  }
}
