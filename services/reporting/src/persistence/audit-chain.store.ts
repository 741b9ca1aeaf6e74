import type { EntityManager } from 'typeorm';
import type { SealableEvent } from '../domain/audit-link.js';

/** Taken shared by every insert into event_store (a trigger), exclusively by the sealer for an instant. */
export const EVENT_INSERT_LOCK = 7_262_200;

export interface ChainHead {
  seq: number;
  position: string;
  chainHash: Buffer;
}

const SEALABLE_COLUMNS = `
  e.position::text AS "position", e.id, e.type, e.version, e.complaint_id AS "complaintId", e.reference,
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt", e.correlation_id AS "correlationId",
  e.actor_id AS "actorId", e.actor_role AS "actorRole", e.data::text AS data,
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt"`;

/**
 * The highest position below which no insert is still in flight: waits for the transactions holding
 * the insert lock to finish, reads the maximum, and lets inserts go on.
 */
export async function settledPosition(db: EntityManager): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_INSERT_LOCK]);
    const [{ position }] = await tx.query('SELECT coalesce(max(position), 0)::text AS position FROM event_store');
    return position;
  });
}

/** The head, locked; null while another sealer holds it. */
export async function lockHead(db: EntityManager): Promise<ChainHead | null> {
  const [row] = await db.query('SELECT seq::float8 AS seq, position::text AS position, chain_hash AS "chainHash" FROM audit_chain_head FOR UPDATE SKIP LOCKED');
  return row ?? null;
}

export async function readHead(db: EntityManager): Promise<ChainHead> {
  const [row] = await db.query('SELECT seq::float8 AS seq, position::text AS position, chain_hash AS "chainHash" FROM audit_chain_head');
  return row;
}

export function eventsToSeal(db: EntityManager, after: string, upTo: string, limit: number): Promise<SealableEvent[]> {
  return db.query(
    `SELECT ${SEALABLE_COLUMNS} FROM event_store e WHERE e.position > $1::bigint AND e.position <= $2::bigint ORDER BY e.position LIMIT $3`,
    [after, upTo, limit],
  );
}

export interface Link {
  seq: number;
  eventId: string;
  eventHash: Buffer;
  chainHash: Buffer;
}

export async function appendLinks(db: EntityManager, links: readonly Link[], head: ChainHead): Promise<void> {
  await db.query(
    `INSERT INTO audit_chain (seq, event_id, event_hash, chain_hash) SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::bytea[], $4::bytea[])`,
    [links.map((l) => l.seq), links.map((l) => l.eventId), links.map((l) => l.eventHash), links.map((l) => l.chainHash)],
  );
  await db.query('UPDATE audit_chain_head SET seq = $1, position = $2::bigint, chain_hash = $3', [head.seq, head.position, head.chainHash]);
}

/** Links from `afterSeq` on with the events they seal (null columns when the event is gone). */
export function linksWithEvents(db: EntityManager, afterSeq: number, limit: number): Promise<(Partial<SealableEvent> & { seq: number; linkedEventId: string; eventHash: Buffer; chainHash: Buffer })[]> {
  return db.query(
    `SELECT c.seq::float8 AS seq, c.event_id AS "linkedEventId", c.event_hash AS "eventHash", c.chain_hash AS "chainHash", ${SEALABLE_COLUMNS}
       FROM audit_chain c LEFT JOIN event_store e ON e.id = c.event_id
      WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
    [afterSeq, limit],
  );
}

/** Events stored beyond the sealed position (waiting to be sealed). */
export async function unsealedCount(db: EntityManager, sealedPosition: string): Promise<number> {
  const [row] = await db.query('SELECT count(*)::int AS n FROM event_store WHERE position > $1::bigint', [sealedPosition]);
  return row.n;
}

/** Events at or below the sealed position that no link seals: slipped in behind the chain. */
export function unlinkedEvents(db: EntityManager, sealedPosition: string, limit: number): Promise<{ id: string }[]> {
  return db.query(
    `SELECT e.id FROM event_store e WHERE e.position <= $1::bigint AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)
      ORDER BY e.position LIMIT $2`,
    [sealedPosition, limit],
  );
}
