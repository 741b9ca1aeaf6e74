import type { EntityManager } from 'typeorm';

const READ_MODEL_WRITER_LOCK = 7_262_201;
const holding = new WeakSet<EntityManager>();

/**
 * One transaction at a time writes the complaint facts and rollups. A single refresh locks its rows
 * in a fixed order, but a batch of events (the consumer handles a backlog in one transaction) or a
 * rebuild chunk beside live traffic locks them refresh by refresh; two such transactions at once could
 * deadlock. The rollups' rows for today are shared by nearly every event anyway, so this costs little
 * concurrency. Taken once per transaction, held until it ends.
 */
export async function lockReadModelWriters(db: EntityManager): Promise<void> {
  if (holding.has(db)) return;
  await db.query('SELECT pg_advisory_xact_lock($1)', [READ_MODEL_WRITER_LOCK]);
  holding.add(db);
}
