import type { EventEnvelope, EventType, NotificationKind } from '@redress/contracts';

/** Who a message is for: the complaint's customer, the investigator it is assigned to, or the managers. */
export type Audience = 'CUSTOMER' | 'ASSIGNEE' | 'MANAGERS';

/** A link the message must carry, minted by resolution when the message is written. */
export type CustomerLinkPurpose = 'RESPOND' | 'FEEDBACK';

export interface MessageIntent {
  kind: NotificationKind;
  /** The template files' name: `templates/<locale>/<template>.{subject,text,html}.hbs`. */
  template: string;
  audience: Audience;
  /** A customer may opt out of non-essential messages; essential ones (decisions, acknowledgement) always go. */
  essential: boolean;
  /**
   * What makes this message unique besides kind and recipient: the event id, or for SLA warnings the
   * clock and cycle, so that one clock warns and breaches at most once per cycle whatever intake repeats.
   */
  cause: string;
  link?: CustomerLinkPurpose;
}

const customer = (kind: NotificationKind, template: string, event: EventEnvelope, extra: Partial<MessageIntent> = {}): MessageIntent => ({
  kind, template, audience: 'CUSTOMER', essential: true, cause: event.id, ...extra,
});
const managers = (kind: NotificationKind, template: string, cause: string): MessageIntent => ({
  kind, template, audience: 'MANAGERS', essential: true, cause,
});

type Planner<T extends EventType> = (event: EventEnvelope<T>) => MessageIntent[];

const PLANNERS: { [T in EventType]?: Planner<T> } = {
  'complaint.received': (e) => [customer('ACKNOWLEDGEMENT', 'acknowledgement', e)],
  'complaint.assessed': (e) => [customer('ASSESSMENT', 'assessment', e)],
  // A breach escalates automatically; the SLA_BREACH message already tells the managers, once.
  'complaint.escalated': (e) => (e.data.cause === 'SLA_BREACH' ? [] : [managers('ESCALATION', 'escalation', e.id)]),
  'complaint.sla_at_risk': (e) => [managers('SLA_AT_RISK', 'sla-at-risk', `${e.data.clock}-cycle-${e.data.cycle}`)],
  'complaint.sla_breached': (e) => [managers('SLA_BREACH', 'sla-breach', `${e.data.clock}-cycle-${e.data.cycle}`)],
  'investigation.started': (e) =>
    e.data.assigneeId
      ? [{ kind: 'ASSIGNMENT', template: 'assignment', audience: 'ASSIGNEE', essential: true, cause: e.id }]
      : [managers('ASSIGNMENT', 'assignment-needed', e.id)],
  'investigation.reassigned': (e) => [{ kind: 'ASSIGNMENT', template: 'assignment', audience: 'ASSIGNEE', essential: true, cause: e.id }],
  'resolution.proposed': (e) => [customer('RESOLUTION_PROPOSED', 'resolution-proposed', e, { link: 'RESPOND' })],
  'resolution.implemented': (e) => [customer('RESOLUTION_IMPLEMENTED', 'resolution-implemented', e)],
  'followup.requested': (e) => [customer('FOLLOW_UP_SURVEY', 'follow-up-survey', e, { essential: false, link: 'FEEDBACK' })],
  'complaint.closed': (e) => [customer('CLOSURE', 'closure', e)],
  'complaint.trend_alert': (e) => [managers('TREND_ALERT', 'trend-alert', e.id)],
};

/** The messages an event calls for (none for most: those types only feed webhooks). */
export function planMessages(event: EventEnvelope): MessageIntent[] {
  const planner = PLANNERS[event.type] as Planner<EventType> | undefined;
  return planner ? planner(event) : [];
}

/** The kinds, with the event that causes each, for previews and documentation. */
export const KIND_TEMPLATES: Record<NotificationKind, { template: string; audience: Audience; cause: EventType }> = {
  ACKNOWLEDGEMENT: { template: 'acknowledgement', audience: 'CUSTOMER', cause: 'complaint.received' },
  ASSESSMENT: { template: 'assessment', audience: 'CUSTOMER', cause: 'complaint.assessed' },
  ESCALATION: { template: 'escalation', audience: 'MANAGERS', cause: 'complaint.escalated' },
  ASSIGNMENT: { template: 'assignment', audience: 'ASSIGNEE', cause: 'investigation.started' },
  RESOLUTION_PROPOSED: { template: 'resolution-proposed', audience: 'CUSTOMER', cause: 'resolution.proposed' },
  RESOLUTION_IMPLEMENTED: { template: 'resolution-implemented', audience: 'CUSTOMER', cause: 'resolution.implemented' },
  FOLLOW_UP_SURVEY: { template: 'follow-up-survey', audience: 'CUSTOMER', cause: 'followup.requested' },
  CLOSURE: { template: 'closure', audience: 'CUSTOMER', cause: 'complaint.closed' },
  SLA_AT_RISK: { template: 'sla-at-risk', audience: 'MANAGERS', cause: 'complaint.sla_at_risk' },
  SLA_BREACH: { template: 'sla-breach', audience: 'MANAGERS', cause: 'complaint.sla_breached' },
  TREND_ALERT: { template: 'trend-alert', audience: 'MANAGERS', cause: 'complaint.trend_alert' },
};

/**
 * The idempotency key of one message: (complaint, kind, recipient, cause). Unique in the table, so no
 * redelivery, restart or second replica can store — and therefore send — a message twice.
 */
export function causeKey(intent: Pick<MessageIntent, 'kind' | 'cause'>, complaintId: string | null, recipient: string): string {
  // The acknowledgement's key predates complaint ids in keys; rows already stored must keep matching.
  if (intent.kind === 'ACKNOWLEDGEMENT') return `${intent.cause}:ACKNOWLEDGEMENT:${recipient}`;
  return `${complaintId ?? 'none'}:${intent.kind}:${recipient}:${intent.cause}`;
}
