import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, NotificationKind, type EventData, type EventEnvelope, type EventType } from '@redress/contracts';
import { KIND_TEMPLATES, causeKey, planMessages } from './notification-plan.js';

const complaintId = randomUUID();
function event<T extends EventType>(type: T, data: EventData<T>): EventEnvelope<T> {
  return { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), complaintId, reference: 'CMP-2026-000001', correlationId: 'c', actor: null, data };
}

describe('planMessages', () => {
  it('tells the customer about each step that concerns them', () => {
    const proposed = event('resolution.proposed', { cycle: 0, proposalId: randomUUID(), options: [] });
    expect(planMessages(proposed)).toEqual([
      { kind: 'RESOLUTION_PROPOSED', template: 'resolution-proposed', audience: 'CUSTOMER', essential: true, cause: proposed.id, link: 'RESPOND' },
    ]);
    expect(planMessages(event('followup.requested', { cycle: 1 }))).toEqual([expect.objectContaining({ kind: 'FOLLOW_UP_SURVEY', essential: false, link: 'FEEDBACK' })]);
    expect(planMessages(event('complaint.closed', { cycle: 0, closedAt: '2026-01-01T00:00:00.000Z', overridden: false }))[0]).toMatchObject({ kind: 'CLOSURE', audience: 'CUSTOMER', essential: true });
  });

  it('sends an assignment to the investigator, or to the managers when nobody could be assigned', () => {
    const investigationId = randomUUID();
    expect(planMessages(event('investigation.started', { cycle: 0, investigationId, assigneeId: 'inv-7' }))[0]).toMatchObject({ kind: 'ASSIGNMENT', audience: 'ASSIGNEE', template: 'assignment' });
    expect(planMessages(event('investigation.started', { cycle: 0, investigationId }))[0]).toMatchObject({ kind: 'ASSIGNMENT', audience: 'MANAGERS', template: 'assignment-needed' });
    expect(planMessages(event('investigation.reassigned', { cycle: 0, investigationId, assigneeId: 'inv-9' }))[0]).toMatchObject({ kind: 'ASSIGNMENT', audience: 'ASSIGNEE' });
  });

  it('tells managers about a breach once: the automatic escalation that follows adds no second message', () => {
    expect(planMessages(event('complaint.sla_breached', { cycle: 0, clock: 'RESOLUTION', dueAt: '2026-01-01T00:00:00.000Z' }))).toEqual([
      { kind: 'SLA_BREACH', template: 'sla-breach', audience: 'MANAGERS', essential: true, cause: 'RESOLUTION-cycle-0' },
    ]);
    expect(planMessages(event('complaint.escalated', { cycle: 0, cause: 'SLA_BREACH' }))).toEqual([]);
    expect(planMessages(event('complaint.escalated', { cycle: 0, cause: 'SAFETY' }))[0]).toMatchObject({ kind: 'ESCALATION', audience: 'MANAGERS' });
  });

  it('keys SLA warnings by clock and cycle, so a repeated warning with a new event id is the same message', () => {
    const first = planMessages(event('complaint.sla_at_risk', { cycle: 2, clock: 'ACKNOWLEDGEMENT', dueAt: '2026-01-01T00:00:00.000Z' }))[0];
    const again = planMessages(event('complaint.sla_at_risk', { cycle: 2, clock: 'ACKNOWLEDGEMENT', dueAt: '2026-01-01T00:00:00.000Z' }))[0];
    expect(causeKey(first, complaintId, 'm@x.org')).toBe(causeKey(again, complaintId, 'm@x.org'));
    expect(causeKey(first, complaintId, 'm@x.org')).not.toBe(causeKey(first, complaintId, 'n@x.org'));
  });

  it('plans nothing for events that only feed webhooks', () => {
    expect(planMessages(event('investigation.note_added', { cycle: 0, investigationId: randomUUID(), noteId: randomUUID(), kind: 'NOTE' }))).toEqual([]);
    expect(planMessages(event('notification.sent', { notificationId: randomUUID(), kind: 'CLOSURE', channel: 'EMAIL', causeEventId: randomUUID(), attempts: 1 }))).toEqual([]);
  });

  it('covers every notification kind with a causing event that notification consumes', () => {
    for (const kind of NotificationKind) expect(EVENT_TYPES).toContain(KIND_TEMPLATES[kind].cause);
  });

  it('keeps the acknowledgement key that rows stored before other kinds existed use', () => {
    expect(causeKey({ kind: 'ACKNOWLEDGEMENT', cause: 'e1' }, complaintId, 'a@b.org')).toBe('e1:ACKNOWLEDGEMENT:a@b.org');
    expect(causeKey({ kind: 'CLOSURE', cause: 'e1' }, complaintId, 'a@b.org')).toBe(`${complaintId}:CLOSURE:a@b.org:e1`);
  });
});
