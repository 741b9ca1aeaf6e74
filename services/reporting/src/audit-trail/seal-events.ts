import type { DataSource } from 'typeorm';
import { chainHash, eventHash } from '../domain/audit-link.js';
import { appendLinks, eventsToSeal, lockHead, settledPosition, type Link } from '../persistence/audit-chain.store.js';

/**
 * Seals up to `limit` events, in position order, onto the audit chain. Returns how many it sealed
 * (0 when there was nothing to seal or another replica is sealing right now).
 */
export async function sealEvents(dataSource: DataSource, limit = 5000): Promise<number> {
  const settled = await settledPosition(dataSource.manager);
  return dataSource.transaction(async (db) => {
    const head = await lockHead(db);
    if (!head) return 0;
    const events = await eventsToSeal(db, head.position, settled, limit);
    if (!events.length) return 0;
    let seq = head.seq;
    let previous: Buffer = head.chainHash;
    const links: Link[] = events.map((event) => {
      const hash = eventHash(event);
      previous = chainHash(previous, hash);
      seq += 1;
      return { seq, eventId: event.id, eventHash: hash, chainHash: previous };
    });
    await appendLinks(db, links, { seq, position: events[events.length - 1].position, chainHash: previous });
    return links.length;
  });
}
