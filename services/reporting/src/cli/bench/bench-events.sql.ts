/**
 * SQL that writes realistic events for complaints `$1`..`$2` (of `$3`) straight into the event store,
 * spread evenly over [$4, $5): receipt, acknowledgement (some late), assessment, escalation,
 * investigation with a root cause, proposal, acceptance, implementation, follow-up and closure, each
 * with a share of complaints stopping earlier. Seeded by the complaint number, so runs repeat.
 */
/** ISO-8601 UTC with milliseconds, as events carry times. */
const iso = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const BENCH_EVENTS_SQL = `
WITH c AS (
  SELECT i,
         md5('complaint' || i)::uuid AS id,
         'CMP-BENCH-' || lpad(i::text, 7, '0') AS ref,
         $4::timestamptz + (i::float8 / $3) * ($5::timestamptz - $4::timestamptz) AS t0,
         ('x' || substr(md5('r' || i), 1, 8))::bit(32)::int & 2147483647 AS h
    FROM generate_series($1::int, $2::int) AS i
), r AS (
  SELECT c.*,
         (h % 1000) / 1000.0 AS r1, ((h / 1000) % 1000) / 1000.0 AS r2, ((h / 1000000) % 1000) / 1000.0 AS r3,
         (ARRAY['WEB','EMAIL','PHONE','CHAT','SOCIAL_MEDIA','LETTER','IN_PERSON'])[1 + h % 7] AS channel,
         (ARRAY['SERVICE','PRODUCT_DEFECT','BILLING','DELIVERY','STAFF_CONDUCT','POLICY','PRIVACY','SAFETY','OTHER'])[1 + (h / 7) % 9] AS category,
         (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + (h / 63) % 4] AS severity,
         (ARRAY['PROCESS','PEOPLE','PRODUCT','SYSTEM','SUPPLIER','POLICY','COMMUNICATION','CUSTOMER_ERROR','OTHER'])[1 + (h / 252) % 9] AS cause,
         'agent-' || (h % 200) AS agent, 'inv-' || (h % 40) AS investigator
    FROM c
), e AS (
  SELECT r.*, x.*
    FROM r CROSS JOIN LATERAL (VALUES
      ('complaint.received', 0.0, NULL, jsonb_build_object('cycle', 0, 'channel', r.channel, 'category', r.category, 'customerId', md5('customer' || r.i)::uuid,
        'receivedAt', ${iso(`r.t0`)}, 'acknowledgementDueAt', ${iso(`r.t0 + interval '24 hours'`)}, 'resolutionDueAt', ${iso(`r.t0 + interval '240 hours'`)})),
      (CASE WHEN r.r1 < 0.92 THEN 'complaint.acknowledged' END, r.r2 * 30, NULL,
        jsonb_build_object('cycle', 0, 'acknowledgedAt', ${iso(`r.t0 + r.r2 * 30 * interval '1 hour'`)}, 'withinSla', r.r2 * 30 <= 24)),
      (CASE WHEN r.r2 < 0.7 THEN 'complaint.assessed' END, 31.0, r.agent, jsonb_build_object('cycle', 0, 'category', r.category, 'severity', r.severity, 'priority', 'P3',
        'resolutionDueAt', ${iso(`r.t0 + (CASE r.severity WHEN 'CRITICAL' THEN 48 WHEN 'HIGH' THEN 120 WHEN 'MEDIUM' THEN 240 ELSE 360 END) * interval '1 hour'`)})),
      (CASE WHEN r.r3 < 0.1 THEN 'complaint.escalated' END, 32.0, r.agent, jsonb_build_object('cycle', 0, 'cause', 'MANUAL')),
      (CASE WHEN r.r3 < 0.4 THEN 'investigation.started' END, 33.0, r.agent,
        jsonb_build_object('cycle', 0, 'investigationId', md5('inv' || r.i)::uuid, 'assigneeId', r.investigator)),
      (CASE WHEN r.r3 < 0.35 THEN 'investigation.completed' END, 60.0, r.investigator,
        jsonb_build_object('cycle', 0, 'investigationId', md5('inv' || r.i)::uuid, 'rootCauseCategory', r.cause)),
      (CASE WHEN r.r1 < 0.85 THEN 'resolution.proposed' END, 70.0, r.agent, jsonb_build_object('cycle', 0, 'proposalId', md5('p' || r.i)::uuid,
        'options', jsonb_build_array(jsonb_build_object('id', md5('o' || r.i)::uuid, 'type', 'REFUND', 'amount', 25, 'currency', 'EUR')))),
      (CASE WHEN r.r1 < 0.8 THEN 'resolution.accepted' END, 80.0, NULL,
        jsonb_build_object('cycle', 0, 'proposalId', md5('p' || r.i)::uuid, 'optionId', md5('o' || r.i)::uuid, 'decidedBy', 'CUSTOMER')),
      (CASE WHEN r.r1 < 0.78 THEN 'resolution.implemented' END, 80 + r.r3 * 300, r.agent, jsonb_build_object('cycle', 0, 'proposalId', md5('p' || r.i)::uuid,
        'optionId', md5('o' || r.i)::uuid, 'type', 'REFUND', 'amount', 25, 'currency', 'EUR')),
      (CASE WHEN r.r1 < 0.65 THEN 'followup.recorded' END, 160 + r.r3 * 300, NULL,
        jsonb_build_object('cycle', 0, 'satisfied', r.r2 < 0.7, 'rating', 1 + floor(r.r2 * 5)::int, 'via', 'SURVEY')),
      (CASE WHEN r.r1 < 0.6 THEN 'complaint.closed' END, 170 + r.r3 * 300, r.agent,
        jsonb_build_object('cycle', 0, 'closedAt', ${iso(`r.t0 + (170 + r.r3 * 300) * interval '1 hour'`)}, 'overridden', false))
    ) AS x(type, hours, actor, data)
   WHERE x.type IS NOT NULL
)
INSERT INTO event_store (id, type, version, complaint_id, reference, occurred_at, correlation_id, actor_id, actor_role, data)
SELECT md5(e.type || e.i)::uuid, e.type, 1, e.id, e.ref, e.t0 + e.hours * interval '1 hour', 'bench', e.actor,
       CASE WHEN e.actor LIKE 'inv-%' THEN 'INVESTIGATOR' WHEN e.actor IS NOT NULL THEN 'AGENT' END, e.data
  FROM e`;
