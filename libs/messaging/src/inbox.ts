import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';

/**
 * Records that this service handled the event, in the handler's transaction. False when it was handled
 * before: a redelivery or a second copy. A concurrent copy waits on the primary key until the first
 * transaction ends, then sees the row (or takes over if the first rolled back).
 */
export async function recordInbox(manager: EntityManager, envelope: Pick<EventEnvelope, 'id' | 'type'>): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'INSERT INTO inbox (event_id, type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id',
    [envelope.id, envelope.type],
  );
  return rows.length === 1;
}

/**
 * `recordInbox` for several events in one statement: the ids of those not handled before. An id given
 * twice is recorded once.
 */
export async function recordInboxBatch(manager: EntityManager, envelopes: Pick<EventEnvelope, 'id' | 'type'>[]): Promise<Set<string>> {
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO inbox (event_id, type) SELECT * FROM unnest($1::uuid[], $2::varchar[])
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [envelopes.map((e) => e.id), envelopes.map((e) => e.type)],
  );
  return new Set(rows.map((row) => row.event_id));
}
