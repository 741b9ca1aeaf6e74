import type { EventData, EventType, NotificationKind, RemedyType } from '@redress/contracts';

/** What the summary may use of a stored event: its type, version and `data` (ids, enums, numbers, times). */
export interface SummarisableEvent {
  type: string;
  version: number;
  data: unknown;
}

type Summarisers = { [T in EventType]: (data: EventData<T>) => string };

const NOTIFICATION_NAMES: Record<NotificationKind, string> = {
  ACKNOWLEDGEMENT: 'Acknowledgement',
  ASSESSMENT: 'Assessment',
  ESCALATION: 'Escalation',
  ASSIGNMENT: 'Assignment',
  RESOLUTION_PROPOSED: 'Resolution proposal',
  RESOLUTION_IMPLEMENTED: 'Resolution implemented',
  FOLLOW_UP_SURVEY: 'Follow-up survey',
  CLOSURE: 'Closure',
  SLA_AT_RISK: 'SLA at risk',
  SLA_BREACH: 'SLA breach',
  TREND_ALERT: 'Trend alert',
};

const ESCALATION_CAUSES = { MANUAL: 'by staff', SLA_BREACH: 'after an SLA breach', SAFETY: 'as a safety issue' } as const;
const CLOCKS = { ACKNOWLEDGEMENT: 'Acknowledgement', RESOLUTION: 'Resolution' } as const;
const DECIDERS = { CUSTOMER: 'by the customer', STAFF: 'as recorded by staff' } as const;
const NOTE_KINDS = { NOTE: 'Note added', INTERVIEW: 'Interview recorded', EVIDENCE: 'Evidence added', DEPARTMENT_QUERY: 'Department queried' } as const;

/** `2026-11-20 10:00 UTC`: times in summaries read the same in every locale and time zone. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function remedy(option: { type: RemedyType; amount?: number | null; currency?: string | null }): string {
  return option.amount == null ? option.type : `${option.type} ${option.amount} ${option.currency ?? ''}`.trimEnd();
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const SUMMARISERS: Summarisers = {
  'complaint.received': (d) => `Complaint received via ${d.channel}${d.possibleDuplicateOfId ? ' (possible duplicate)' : ''}`,
  'complaint.acknowledged': (d) => `Complaint acknowledged ${d.withinSla ? 'within SLA' : 'after the SLA deadline'}`,
  'complaint.assessed': (d) => `Assessed as ${d.category}, severity ${d.severity}, priority ${d.priority}`,
  'complaint.escalated': (d) => `Complaint escalated ${ESCALATION_CAUSES[d.cause]}`,
  'complaint.sla_at_risk': (d) => `${CLOCKS[d.clock]} SLA at risk (due ${utc(d.dueAt)})`,
  'complaint.sla_breached': (d) => `${CLOCKS[d.clock]} SLA breached (was due ${utc(d.dueAt)})`,
  'complaint.reopened': (d) => `Complaint reopened (cycle ${d.cycle})`,
  'investigation.started': (d) => (d.assigneeId ? `Investigation started, assigned to ${d.assigneeId}` : 'Investigation started, not yet assigned'),
  'investigation.reassigned': (d) => `Investigation reassigned to ${d.assigneeId}`,
  'investigation.note_added': (d) => `${NOTE_KINDS[d.kind]}${d.department ? ` (${d.department})` : ''}`,
  'investigation.completed': (d) => `Investigation completed, root cause ${d.rootCauseCategory}`,
  'resolution.proposed': (d) => `Resolution proposed with ${plural(d.options.length, 'option')}: ${d.options.map(remedy).join(', ')}`,
  'resolution.accepted': (d) => `Resolution accepted ${DECIDERS[d.decidedBy]}`,
  'resolution.rejected': (d) => `Resolution rejected ${DECIDERS[d.decidedBy]}`,
  'resolution.implemented': (d) => `Resolution implemented: ${remedy(d)}`,
  'followup.requested': () => 'Follow-up survey due',
  'followup.recorded': (d) =>
    `Follow-up recorded${d.via === 'SURVEY' ? ' by survey' : ' by staff'}: ${d.satisfied ? 'satisfied' : 'not satisfied'}, rated ${d.rating}/5`,
  'complaint.closed': (d) => (d.overridden ? 'Complaint closed by manager override' : 'Complaint closed'),
  'notification.sent': (d) => `${NOTIFICATION_NAMES[d.kind]} ${d.channel.toLowerCase()} sent`,
  'notification.failed': (d) => `${NOTIFICATION_NAMES[d.kind]} ${d.channel.toLowerCase()} failed after ${plural(d.attempts, 'attempt')}`,
  'customer.erased': () => "Customer's personal data erased",
  'complaint.trend_alert': (d) => `Trend alert: ${d.count} ${d.category} complaints in the period from ${utc(d.periodStart)} (baseline ${d.baseline})`,
};

/**
 * A short sentence for the timeline, built only from what events carry (never free text or personal
 * data, which events do not have). A type or version this service does not know yet is named as is.
 */
export function summariseEvent(event: SummarisableEvent): string {
  const summarise = SUMMARISERS[event.type as EventType] as ((data: unknown) => string) | undefined;
  if (!summarise || event.version !== 1) return `${event.type} (version ${event.version})`;
  return summarise(event.data);
}
