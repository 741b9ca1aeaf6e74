import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';

/**
 * Records, in the handlers' transaction, that this service handled these events; returns the ids of
 * those not handled before (a redelivery or a second copy is left out; an id given twice is recorded
 * once). A concurrent copy waits on the primary key until the first transaction ends, then sees the
 * row (or takes over if the first rolled back).
 */
export async function recordInbox(manager: EntityManager, envelopes: Pick<EventEnvelope, 'id' | 'type'>[]): Promise<Set<string>> {
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO inbox (event_id, type) SELECT * FROM unnest($1::uuid[], $2::varchar[])
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [envelopes.map((e) => e.id), envelopes.map((e) => e.type)],
  );
  return new Set(rows.map((row) => row.event_id));
}
