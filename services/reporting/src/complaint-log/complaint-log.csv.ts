import type { FactsRow } from '../persistence/complaint-facts.store.js';

/** The complaint log's columns: what reporting knows of each complaint (ids, enums, times — no personal data). */
export const COMPLAINT_LOG_COLUMNS = [
  'reference', 'complaint_id', 'received_at', 'channel', 'category', 'severity', 'priority', 'status', 'escalated',
  'acknowledged_at', 'acknowledgement_due_at', 'acknowledged_within_sla', 'resolved_at', 'resolution_due_at', 'resolved_within_sla',
  'closed_at', 'reopen_count', 'root_cause', 'remedy', 'remedy_amount', 'remedy_currency', 'rating', 'satisfied', 'agents', 'investigators',
] as const;

export type ComplaintLogRow = FactsRow & { last_closure_at: Date | null };

const iso = (at: Date | null) => (at ? at.toISOString() : '');
const within = (done: Date | null, due: Date | null) => (done && due ? String(done <= due) : '');

/** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function complaintLogLine(row: ComplaintLogRow): string {
  return csvLine([
    row.reference, row.complaint_id, iso(row.received_at), row.channel, row.category, row.severity, row.priority, row.status, row.escalated,
    iso(row.acknowledged_at), iso(row.acknowledgement_due_at), within(row.acknowledged_at, row.acknowledgement_due_at),
    iso(row.resolved_at), iso(row.resolution_due_at), within(row.resolved_at, row.resolution_due_at),
    row.status === 'CLOSED' ? iso(row.last_closure_at) : '', row.reopen_count, row.root_cause, row.remedy?.type, row.remedy?.amount, row.remedy?.currency,
    row.rating, row.satisfied, row.agent_ids.join(' '), row.investigator_ids.join(' '),
  ]);
}
