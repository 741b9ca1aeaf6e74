import type { EntityManager } from 'typeorm';
import type { TimeRange } from '../domain/date-range.js';
import { COMPLAINT_LOG_COLUMNS, complaintLogLine, csvLine, type ComplaintLogRow } from './complaint-log.csv.js';

const PAGE = 5000;

/**
 * Writes the complaint log of complaints received in [from, to), oldest first, page by page along the
 * (received_at, complaint_id) index — memory stays flat for any number of rows, and `write` applies
 * the client's back-pressure. Returns the number of complaints written.
 */
export async function streamComplaintLog(db: EntityManager, range: TimeRange, write: (chunk: string) => Promise<void>): Promise<number> {
  await write(csvLine(COMPLAINT_LOG_COLUMNS));
  let count = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows: ComplaintLogRow[] = await db.query(
      `SELECT * FROM complaint_facts
        WHERE received_at >= $1 AND received_at < $2 AND ($3::timestamptz IS NULL OR (received_at, complaint_id) > ($3, $4::uuid))
        ORDER BY received_at, complaint_id LIMIT ${PAGE}`,
      [range.from, range.to, after?.at ?? null, after?.id ?? null],
    );
    if (!rows.length) return count;
    await write(rows.map(complaintLogLine).join(''));
    count += rows.length;
    const last = rows[rows.length - 1];
    after = { at: last.received_at!, id: last.complaint_id };
  }
}
