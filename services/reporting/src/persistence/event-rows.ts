import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../domain/stored-event.js';

interface EventRow {
  id: string;
  type: string;
  version: number;
  complaint_id: string | null;
  reference: string | null;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  data: Record<string, unknown>;
}

const toStoredEvent = (row: EventRow): StoredEvent => ({
  id: row.id, type: row.type, version: row.version, complaintId: row.complaint_id, reference: row.reference,
  occurredAt: row.occurred_at, actorId: row.actor_id, actorRole: row.actor_role, data: row.data,
});

/** Every stored event of these complaints, grouped by complaint (event_store_complaint_idx). */
export async function eventsOfComplaints(db: EntityManager, complaintIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
  const rows: EventRow[] = await db.query(
    `SELECT id, type, version, complaint_id, reference, occurred_at, actor_id, actor_role, data
       FROM event_store WHERE complaint_id = ANY($1::uuid[])`,
    [complaintIds],
  );
  const byComplaint = new Map<string, StoredEvent[]>(complaintIds.map((id) => [id, []]));
  for (const row of rows) byComplaint.get(row.complaint_id!)?.push(toStoredEvent(row));
  return byComplaint;
}
