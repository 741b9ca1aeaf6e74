import type { EntityManager } from 'typeorm';
import type { ResolutionFacts } from '../domain/resolution-lifecycle.js';

/** What resolution recorded about the complaint in `cycle` (one query, on the primary keys and indexes). */
export async function loadResolutionFacts(db: EntityManager, complaintId: string, cycle: number): Promise<ResolutionFacts & { proposalPending: boolean }> {
  const [row] = await db.query(
    `SELECT (SELECT json_build_object('status', p.status, 'implemented', p.implemented_at IS NOT NULL)
               FROM proposals p WHERE p.complaint_id = $1 AND p.cycle = $2 ORDER BY p.proposed_at DESC, p.id DESC LIMIT 1) AS "latestProposal",
            EXISTS (SELECT 1 FROM proposals p WHERE p.complaint_id = $1 AND p.status = 'PROPOSED') AS "proposalPending",
            EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = $1 AND f.cycle = $2) AS "followedUp",
            EXISTS (SELECT 1 FROM closures c WHERE c.complaint_id = $1 AND c.cycle = $2) AS closed`,
    [complaintId, cycle],
  );
  return row;
}
