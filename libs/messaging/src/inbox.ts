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
