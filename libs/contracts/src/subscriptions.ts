import type { EventType } from './events.js';

export const SERVICES = ['intake', 'investigation', 'resolution', 'notification', 'reporting'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The one subscription table: which event types each service's queue `<service>.events` is bound to.
 * Every service declares the whole topology from it at boot, so no event is ever published before
 * the queues that must receive it exist. A service's events/ folder registers a handler for each.
 */
export const SUBSCRIPTIONS: Record<ServiceName, readonly EventType[]> = {
  intake: ['notification.sent', 'investigation.started', 'resolution.proposed', 'resolution.accepted',
    'resolution.rejected', 'resolution.implemented', 'followup.recorded', 'complaint.closed'],
  investigation: ['complaint.received', 'complaint.assessed', 'complaint.reopened'],
  resolution: ['complaint.received', 'complaint.reopened', 'customer.erased'],
  // Messages come from the first row of types; the rest only feed webhooks (any type may be subscribed to).
  notification: [
    'complaint.received', 'complaint.assessed', 'complaint.escalated', 'complaint.sla_at_risk',
    'complaint.sla_breached', 'investigation.started', 'investigation.reassigned', 'resolution.proposed',
    'resolution.implemented', 'followup.requested', 'complaint.closed', 'customer.erased',
    'complaint.trend_alert',
    'complaint.acknowledged', 'complaint.reopened', 'investigation.note_added', 'investigation.completed',
    'resolution.accepted', 'resolution.rejected', 'followup.recorded', 'notification.sent', 'notification.failed',
  ],
  reporting: [
    'complaint.received', 'complaint.acknowledged', 'complaint.assessed', 'complaint.escalated',
    'complaint.sla_at_risk', 'complaint.sla_breached', 'complaint.reopened', 'investigation.started',
    'investigation.reassigned', 'investigation.note_added', 'investigation.completed', 'resolution.proposed',
    'resolution.accepted', 'resolution.rejected', 'resolution.implemented', 'followup.requested',
    'followup.recorded', 'complaint.closed', 'notification.sent', 'notification.failed', 'customer.erased',
    'complaint.trend_alert',
  ],
};
