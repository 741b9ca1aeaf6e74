import type { EntityManager } from 'typeorm';
import type { Category } from '@redress/contracts';
import { chooseInvestigator, type RoutingCandidate } from '../domain/routing.js';

/**
 * The investigator an unassigned investigation goes to (null: nobody with the skill has room). One
 * routing decision at a time across all replicas (a transaction-scoped advisory lock), so two
 * investigations started together cannot both take someone's last free place.
 */
export async function routeInvestigation(db: EntityManager, category: Category): Promise<string | null> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('investigation-routing'))`);
  const candidates: RoutingCandidate[] = await db.query(
    `SELECT r.id, r.capacity,
            (SELECT count(*)::int FROM investigations i WHERE i.assignee_id = r.id AND i.status = 'OPEN') AS "openInvestigations"
       FROM investigators r
      WHERE r.active AND r.categories @> ARRAY[$1]::text[]`,
    [category],
  );
  return chooseInvestigator(candidates);
}
