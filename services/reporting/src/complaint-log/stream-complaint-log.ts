import type { EntityManager } from 'typeorm';
import type { TimeRange } from '../domain/date-range.js';
import { COMPLAINT_LOG_COLUMNS, COMPLAINT_LOG_SELECT, complaintLogLine, csvLine, type ComplaintLogRow } from './complaint-log.csv.js';

const PAGE = 5000;

/**
 * Writes the complaint log of complaints received in [from, to), oldest first, page by page along the
 * (received_at, complaint_id) index — memory stays flat for any number of rows, and `write` applies
 * the client's back-pressure. Returns the number of complaints written.
 */
export async function streamComplaintLog(db: EntityManager, range: TimeRange, write: (chunk: string) => Promise<void>): Promise<number> {
  await write(csvLine(COMPLAINT_LOG_COLUMNS));
  let count = 0;
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const rows: (ComplaintLogRow & { cursor: string })[] = await db.query(
      `SELECT ${COMPLAINT_LOG_SELECT}, f.received_at::text AS cursor FROM complaint_facts f
        WHERE f.received_at >= $1 AND f.received_at < $2 AND ($3::timestamptz IS NULL OR (f.received_at, f.complaint_id) > ($3::timestamptz, $4::uuid))
        ORDER BY f.received_at, f.complaint_id LIMIT ${PAGE}`,
      [range.from, range.to, after?.at ?? null, after?.id ?? null],
    );
    if (!rows.length) return count;
    await write(rows.map(complaintLogLine).join(''));
    count += rows.length;
    const last = rows[rows.length - 1];
    after = { at: last.cursor, id: last.complaint_id };
  }
}
