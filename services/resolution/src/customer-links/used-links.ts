import type { EntityManager } from 'typeorm';
import { Unauthenticated } from '@redress/errors';
import type { LinkClaims } from './link-token.js';

/**
 * SPEC §5: a link works once. Its id is recorded in the transaction of what it was used for, so a
 * rolled-back use (say, the proposal was already decided) leaves it usable, and a second use is refused.
 */
export async function useUpLink(db: EntityManager, claims: LinkClaims): Promise<void> {
  const used = await db.query(
    `INSERT INTO used_link_tokens (token_id, purpose, complaint_id, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (token_id) DO NOTHING RETURNING token_id`,
    [claims.tokenId, claims.purpose, claims.complaintId, claims.expiresAt],
  );
  if (!used.length) throw new Unauthenticated('This link was already used');
}

/** Expired links are refused by their signature's expiry, so their use records can go. */
export async function pruneExpiredLinks(db: EntityManager): Promise<number> {
  const [, count] = await db.query(`DELETE FROM used_link_tokens WHERE expires_at < now() - interval '1 day'`);
  return count ?? 0;
}
