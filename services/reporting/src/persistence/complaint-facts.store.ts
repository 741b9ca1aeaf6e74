import type { EntityManager } from 'typeorm';
import { emptyFacts, type ComplaintFacts } from '../domain/complaint-facts.js';
import { resolveBucket } from '../domain/contributions.js';
import type { RollupRow } from '../domain/rollup-delta.js';

/** A complaint_facts row as PostgreSQL returns it. */
export interface FactsRow {
  complaint_id: string;
  reference: string | null;
  received_at: Date | null;
  channel: string | null;
  category: string | null;
  severity: string | null;
  priority: string | null;
  acknowledgement_due_at: Date | null;
  resolution_due_at: Date | null;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  status: ComplaintFacts['status'];
  cycle: number;
  escalated: boolean;
  reopen_count: number;
  closures: Date[];
  rating: number | null;
  satisfied: boolean | null;
  root_cause: string | null;
  agent_ids: string[];
  investigator_ids: string[];
  remedy: ComplaintFacts['remedy'];
  event_count: number;
  last_event_at: Date | null;
}

export function factsFromRow(row: FactsRow): ComplaintFacts {
  return {
    complaintId: row.complaint_id, reference: row.reference, receivedAt: row.received_at, channel: row.channel, category: row.category,
    severity: row.severity, priority: row.priority, acknowledgementDueAt: row.acknowledgement_due_at, resolutionDueAt: row.resolution_due_at,
    acknowledgedAt: row.acknowledged_at, resolvedAt: row.resolved_at, status: row.status, cycle: row.cycle, escalated: row.escalated,
    reopenCount: row.reopen_count, closures: row.closures, rating: row.rating, satisfied: row.satisfied, rootCause: row.root_cause,
    agentIds: row.agent_ids, investigatorIds: row.investigator_ids, remedy: row.remedy, eventCount: row.event_count, lastEventAt: row.last_event_at,
  };
}

/**
 * Locks the facts rows of these complaints (creating empty ones first), in id order so that
 * concurrent writers never wait on each other in a circle. Returns the facts as they were.
 */
export async function lockFacts(db: EntityManager, complaintIds: readonly string[]): Promise<Map<string, ComplaintFacts>> {
  const ids = [...new Set(complaintIds)].sort();
  await db.query(`INSERT INTO complaint_facts (complaint_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [ids]);
  const rows: FactsRow[] = await db.query(`SELECT * FROM complaint_facts WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id FOR UPDATE`, [ids]);
  const facts = new Map(ids.map((id) => [id, emptyFacts(id)]));
  for (const row of rows) facts.set(row.complaint_id, factsFromRow(row));
  return facts;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

export async function writeFacts(db: EntityManager, facts: readonly ComplaintFacts[]): Promise<void> {
  if (!facts.length) return;
  const ids = facts.map((f) => f.complaintId);
  const records = facts.map((f) => {
    const resolveMs = f.resolvedAt && f.receivedAt ? f.resolvedAt.getTime() - f.receivedAt.getTime() : null;
    return {
      complaint_id: f.complaintId, reference: f.reference, received_at: iso(f.receivedAt), channel: f.channel, category: f.category,
      severity: f.severity, priority: f.priority, acknowledgement_due_at: iso(f.acknowledgementDueAt), resolution_due_at: iso(f.resolutionDueAt),
      acknowledged_at: iso(f.acknowledgedAt), resolved_at: iso(f.resolvedAt), resolve_ms: resolveMs,
      resolve_bucket: resolveMs === null ? null : resolveBucket(resolveMs), status: f.status, cycle: f.cycle, escalated: f.escalated,
      reopen_count: f.reopenCount, closures: f.closures.map((c) => c.toISOString()), last_closure_at: iso(f.closures.at(-1) ?? null),
      rating: f.rating, satisfied: f.satisfied, root_cause: f.rootCause, agent_ids: f.agentIds, investigator_ids: f.investigatorIds,
      remedy: f.remedy, event_count: f.eventCount, last_event_at: iso(f.lastEventAt),
    };
  });
  // `= ANY($2)` as well as the join: the planner cannot count the rows of jsonb_to_recordset (it assumes
  // 100) and would hash-join against a scan of the whole table; the id list makes it probe the primary key.
  await db.query(
    `UPDATE complaint_facts f SET
       reference = n.reference, received_at = n.received_at, channel = n.channel, category = n.category, severity = n.severity,
       priority = n.priority, acknowledgement_due_at = n.acknowledgement_due_at, resolution_due_at = n.resolution_due_at,
       acknowledged_at = n.acknowledged_at, resolved_at = n.resolved_at, resolve_ms = n.resolve_ms, resolve_bucket = n.resolve_bucket,
       status = n.status, cycle = n.cycle, escalated = n.escalated, reopen_count = n.reopen_count, closures = n.closures,
       last_closure_at = n.last_closure_at, rating = n.rating, satisfied = n.satisfied, root_cause = n.root_cause,
       agent_ids = n.agent_ids, investigator_ids = n.investigator_ids, remedy = n.remedy, event_count = n.event_count,
       last_event_at = n.last_event_at
     FROM jsonb_to_recordset($1::jsonb) AS n(
       complaint_id uuid, reference text, received_at timestamptz, channel text, category text, severity text, priority text,
       acknowledgement_due_at timestamptz, resolution_due_at timestamptz, acknowledged_at timestamptz, resolved_at timestamptz,
       resolve_ms bigint, resolve_bucket int, status text, cycle int, escalated boolean, reopen_count int, closures timestamptz[],
       last_closure_at timestamptz, rating smallint, satisfied boolean, root_cause text, agent_ids text[], investigator_ids text[],
       remedy jsonb, event_count int, last_event_at timestamptz)
     WHERE f.complaint_id = n.complaint_id AND f.complaint_id = ANY($2::uuid[])`,
    [JSON.stringify(records), ids],
  );
  await db.query('DELETE FROM complaint_closures WHERE complaint_id = ANY($1::uuid[])', [ids]);
  await db.query(
    `INSERT INTO complaint_closures (complaint_id, closed_at) SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
    [facts.flatMap((f) => f.closures.map(() => f.complaintId)), facts.flatMap((f) => f.closures.map((c) => c.toISOString()))],
  );
}

/** Adds the delta to the daily rollups (rows arrive sorted, so writers lock them in one order). */
export async function applyRollupDelta(db: EntityManager, rows: readonly RollupRow[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO metric_daily (measure, day, key, n, total)
     SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::bigint[], $5::bigint[])
     ON CONFLICT (measure, day, key) DO UPDATE SET n = metric_daily.n + excluded.n, total = metric_daily.total + excluded.total`,
    [rows.map((r) => r.measure), rows.map((r) => r.day), rows.map((r) => r.key), rows.map((r) => r.n), rows.map((r) => r.total)],
  );
}
