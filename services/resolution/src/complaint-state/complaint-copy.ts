import type { EntityManager } from 'typeorm';
import type { ComplaintState } from '@redress/contracts';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';

/**
 * Brings resolution's copy of the complaint up to intake's state (creating it when
 * `complaint.received` has not arrived yet) and keeps the row locked until the transaction ends, so
 * two mutations on one complaint are decided one after the other.
 */
export async function lockComplaintCopy(db: EntityManager, state: ComplaintState): Promise<ComplaintEntity> {
  const [row] = await db.query(
    `INSERT INTO complaints (id, reference, cycle, category, severity, received_at, customer_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET
       cycle = GREATEST(complaints.cycle, EXCLUDED.cycle),
       category = COALESCE(EXCLUDED.category, complaints.category),
       severity = COALESCE(EXCLUDED.severity, complaints.severity),
       received_at = COALESCE(complaints.received_at, EXCLUDED.received_at),
       customer_id = COALESCE(complaints.customer_id, EXCLUDED.customer_id)
     RETURNING id, reference, cycle, category, severity, received_at AS "receivedAt", customer_id AS "customerId"`,
    [state.complaintId, state.reference, state.cycle, state.category, state.severity, state.receivedAt, state.customerId],
  );
  return row as ComplaintEntity;
}
