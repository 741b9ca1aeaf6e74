import * as e from './enums.js';
import { s, type ObjectSchema } from './schema.js';

// Payload types of every event type (version 1). No personal data or free text, ever: ids, enums,
// numbers, times and statuses only (SPEC §6).
export interface EventPayloads {
  'complaint.received': {
    cycle: number; channel: e.Channel; category?: e.Category | null; severity?: e.Severity | null; priority?: e.Priority | null;
    customerId: string; receivedAt: string; acknowledgementDueAt: string; resolutionDueAt: string; possibleDuplicateOfId?: string | null;
  };
  'complaint.acknowledged': { cycle: number; acknowledgedAt: string; withinSla: boolean };
  'complaint.assessed': { cycle: number; category: e.Category; severity: e.Severity; priority: e.Priority; resolutionDueAt: string };
  'complaint.escalated': { cycle: number; cause: e.EscalationCause };
  'complaint.sla_at_risk': { cycle: number; clock: e.SlaClock; dueAt: string };
  'complaint.sla_breached': { cycle: number; clock: e.SlaClock; dueAt: string };
  'complaint.reopened': { cycle: number; resolutionDueAt?: string };
  'investigation.started': { cycle: number; investigationId: string; assigneeId?: string | null };
  'investigation.reassigned': { cycle: number; investigationId: string; assigneeId: string };
  'investigation.note_added': { cycle: number; investigationId: string; noteId: string; kind: e.NoteKind; department?: string | null };
  'investigation.completed': { cycle: number; investigationId: string; rootCauseCategory: e.RootCauseCategory };
  'resolution.proposed': { cycle: number; proposalId: string; options: { id: string; type: e.RemedyType; amount?: number | null; currency?: string | null }[] };
  'resolution.accepted': { cycle: number; proposalId: string; optionId?: string | null; decidedBy: e.DecidedBy };
  'resolution.rejected': { cycle: number; proposalId: string; optionId?: string | null; decidedBy: e.DecidedBy };
  'resolution.implemented': { cycle: number; proposalId: string; optionId: string; type: e.RemedyType; amount?: number | null; currency?: string | null };
  'followup.requested': { cycle: number };
  'followup.recorded': { cycle: number; satisfied: boolean; rating: number; via: e.FollowUpVia };
  'complaint.closed': { cycle: number; closedAt: string; overridden: boolean };
  'notification.sent': { notificationId: string; kind: e.NotificationKind; channel: e.NotificationChannel; causeEventId: string; attempts: number };
  'notification.failed': { notificationId: string; kind: e.NotificationKind; channel: e.NotificationChannel; causeEventId: string; attempts: number };
  'customer.erased': { customerId: string };
  'complaint.trend_alert': { category: e.Category; periodStart: string; count: number; baseline: number };
}

export type EventType = keyof EventPayloads;
export type EventData<T extends EventType> = EventPayloads[T];

const cycle = s.integer(0);
const slaPayload = s.object({ cycle, clock: s.enum(e.SlaClock), dueAt: s.dateTime() });
const decision = s.object({ cycle, proposalId: s.uuid(), decidedBy: s.enum(e.DecidedBy) }, { optionId: s.uuid() });
const delivery = s.object({
  notificationId: s.uuid(), kind: s.enum(e.NotificationKind), channel: s.enum(e.NotificationChannel),
  causeEventId: s.uuid(), attempts: s.integer(0),
});

/** Runtime schema of each event type's `data`, by version. */
export const EVENT_SCHEMAS: { [T in EventType]: Record<number, ObjectSchema> } = {
  'complaint.received': {
    1: s.object(
      { cycle, channel: s.enum(e.Channel), customerId: s.uuid(), receivedAt: s.dateTime(), acknowledgementDueAt: s.dateTime(), resolutionDueAt: s.dateTime() },
      { category: s.enum(e.Category), severity: s.enum(e.Severity), priority: s.enum(e.Priority), possibleDuplicateOfId: s.uuid() },
    ),
  },
  'complaint.acknowledged': { 1: s.object({ cycle, acknowledgedAt: s.dateTime(), withinSla: s.boolean() }) },
  'complaint.assessed': {
    1: s.object({ cycle, category: s.enum(e.Category), severity: s.enum(e.Severity), priority: s.enum(e.Priority), resolutionDueAt: s.dateTime() }),
  },
  'complaint.escalated': { 1: s.object({ cycle, cause: s.enum(e.EscalationCause) }) },
  'complaint.sla_at_risk': { 1: slaPayload },
  'complaint.sla_breached': { 1: slaPayload },
  'complaint.reopened': { 1: s.object({ cycle }, { resolutionDueAt: s.dateTime() }) },
  'investigation.started': { 1: s.object({ cycle, investigationId: s.uuid() }, { assigneeId: s.string() }) },
  'investigation.reassigned': { 1: s.object({ cycle, investigationId: s.uuid(), assigneeId: s.string() }) },
  'investigation.note_added': {
    1: s.object({ cycle, investigationId: s.uuid(), noteId: s.uuid(), kind: s.enum(e.NoteKind) }, { department: s.string() }),
  },
  'investigation.completed': { 1: s.object({ cycle, investigationId: s.uuid(), rootCauseCategory: s.enum(e.RootCauseCategory) }) },
  'resolution.proposed': {
    1: s.object({
      cycle, proposalId: s.uuid(),
      options: s.array(s.object({ id: s.uuid(), type: s.enum(e.RemedyType) }, { amount: s.number(0), currency: s.string() })),
    }),
  },
  'resolution.accepted': { 1: decision },
  'resolution.rejected': { 1: decision },
  'resolution.implemented': {
    1: s.object({ cycle, proposalId: s.uuid(), optionId: s.uuid(), type: s.enum(e.RemedyType) }, { amount: s.number(0), currency: s.string() }),
  },
  'followup.requested': { 1: s.object({ cycle }) },
  'followup.recorded': { 1: s.object({ cycle, satisfied: s.boolean(), rating: s.integer(1, 5), via: s.enum(e.FollowUpVia) }) },
  'complaint.closed': { 1: s.object({ cycle, closedAt: s.dateTime(), overridden: s.boolean() }) },
  'notification.sent': { 1: delivery },
  'notification.failed': { 1: delivery },
  'customer.erased': { 1: s.object({ customerId: s.uuid() }) },
  'complaint.trend_alert': {
    1: s.object({ category: s.enum(e.Category), periodStart: s.dateTime(), count: s.integer(0), baseline: s.number(0) }),
  },
};

export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];
export const CURRENT_VERSION: { [T in EventType]: number } = Object.fromEntries(EVENT_TYPES.map((t) => [t, 1])) as { [T in EventType]: number };

/** Which service publishes each event type (SPEC §3). */
export const EVENT_PRODUCERS: { [T in EventType]: 'intake' | 'investigation' | 'resolution' | 'notification' | 'reporting' } = {
  'complaint.received': 'intake', 'complaint.acknowledged': 'intake', 'complaint.assessed': 'intake',
  'complaint.escalated': 'intake', 'complaint.sla_at_risk': 'intake', 'complaint.sla_breached': 'intake',
  'complaint.reopened': 'intake', 'customer.erased': 'intake',
  'investigation.started': 'investigation', 'investigation.reassigned': 'investigation',
  'investigation.note_added': 'investigation', 'investigation.completed': 'investigation',
  'resolution.proposed': 'resolution', 'resolution.accepted': 'resolution', 'resolution.rejected': 'resolution',
  'resolution.implemented': 'resolution', 'followup.requested': 'resolution', 'followup.recorded': 'resolution',
  'complaint.closed': 'resolution',
  'notification.sent': 'notification', 'notification.failed': 'notification',
  'complaint.trend_alert': 'reporting',
};
