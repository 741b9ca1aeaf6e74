/** The complaint log's columns: what reporting knows of each complaint (ids, enums, times — no personal data). */
export const COMPLAINT_LOG_COLUMNS = [
  'reference', 'complaint_id', 'received_at', 'channel', 'category', 'severity', 'priority', 'status', 'escalated',
  'acknowledged_at', 'acknowledgement_due_at', 'acknowledged_within_sla', 'resolved_at', 'resolution_due_at', 'resolved_within_sla',
  'closed_at', 'reopen_count', 'root_cause', 'remedy', 'remedy_amount', 'remedy_currency', 'rating', 'satisfied', 'agents', 'investigators',
] as const;

/**
 * One complaint as the log's query returns it: times already ISO-8601 text and lists joined, so
 * writing a million rows costs string work only.
 */
export interface ComplaintLogRow {
  reference: string | null;
  complaint_id: string;
  received_at: string;
  channel: string | null;
  category: string | null;
  severity: string | null;
  priority: string | null;
  status: string;
  escalated: boolean;
  acknowledged_at: string | null;
  acknowledgement_due_at: string | null;
  acknowledged_within_sla: boolean | null;
  resolved_at: string | null;
  resolution_due_at: string | null;
  resolved_within_sla: boolean | null;
  closed_at: string | null;
  reopen_count: number;
  root_cause: string | null;
  remedy: string | null;
  remedy_amount: string | null;
  remedy_currency: string | null;
  rating: number | null;
  satisfied: boolean | null;
  agents: string;
  investigators: string;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO})`;

/** The SELECT list producing ComplaintLogRow from complaint_facts, in COMPLAINT_LOG_COLUMNS order. */
export const COMPLAINT_LOG_SELECT = `
  reference, complaint_id, ${iso('received_at')} AS received_at, channel, category, severity, priority, status, escalated,
  ${iso('acknowledged_at')} AS acknowledged_at, ${iso('acknowledgement_due_at')} AS acknowledgement_due_at,
  acknowledged_at <= acknowledgement_due_at AS acknowledged_within_sla,
  ${iso('resolved_at')} AS resolved_at, ${iso('resolution_due_at')} AS resolution_due_at, resolved_at <= resolution_due_at AS resolved_within_sla,
  CASE WHEN status = 'CLOSED' THEN ${iso('last_closure_at')} END AS closed_at, reopen_count, root_cause,
  remedy->>'type' AS remedy, remedy->>'amount' AS remedy_amount, remedy->>'currency' AS remedy_currency, rating, satisfied,
  array_to_string(agent_ids, ' ') AS agents, array_to_string(investigator_ids, ' ') AS investigators`;

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
    row.reference, row.complaint_id, row.received_at, row.channel, row.category, row.severity, row.priority, row.status, row.escalated,
    row.acknowledged_at, row.acknowledgement_due_at, row.acknowledged_within_sla, row.resolved_at, row.resolution_due_at, row.resolved_within_sla,
    row.closed_at, row.reopen_count, row.root_cause, row.remedy, row.remedy_amount, row.remedy_currency, row.rating, row.satisfied,
    row.agents, row.investigators,
  ]);
}
