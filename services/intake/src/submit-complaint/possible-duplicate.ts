import type { EntityManager } from 'typeorm';

/** pg_trgm similarity (0..1) from which two subjects or two descriptions count as the same matter. */
export const DUPLICATE_SIMILARITY = 0.4;
export const DUPLICATE_WINDOW_DAYS = 30;

/**
 * The complaint this one may repeat: the same customer, received within 30 days, with a similar subject
 * or description. Points at the first of a chain (a repeat of a repeat names the original). Staff see
 * it; nothing is merged.
 */
export async function findPossibleDuplicate(
  db: EntityManager,
  complaint: { customerId: string; subject: string; description: string; receivedAt: Date },
): Promise<string | null> {
  const [match] = await db.query(
    `SELECT COALESCE(possible_duplicate_of_id, id) AS id
       FROM complaints
      WHERE customer_id = $1
        AND received_at >= $4::timestamptz - make_interval(days => $5)
        AND (similarity(subject, $2) >= $6 OR similarity(description, $3) >= $6)
      ORDER BY greatest(similarity(subject, $2), similarity(description, $3)) DESC, received_at DESC
      LIMIT 1`,
    [complaint.customerId, complaint.subject, complaint.description, complaint.receivedAt, DUPLICATE_WINDOW_DAYS, DUPLICATE_SIMILARITY],
  );
  return match?.id ?? null;
}
