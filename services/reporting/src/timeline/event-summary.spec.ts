import { EVENT_TYPES, type EventData, type EventType } from '@redress/contracts';
import { summariseEvent } from './event-summary.js';

const ID = '3f1c2a9e-8d6b-4f0a-9c1e-2b7d5e4a6c80';
const OPTION = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

// One v1 payload per event type and the sentence a staff member reads for it.
const EXAMPLES: { [T in EventType]: [EventData<T>, string][] } = {
  'complaint.received': [
    [{ cycle: 0, channel: 'WEB', customerId: ID, receivedAt: '2026-11-20T09:00:00.000Z', acknowledgementDueAt: '2026-11-21T09:00:00.000Z', resolutionDueAt: '2026-12-01T09:00:00.000Z' }, 'Complaint received via WEB'],
    [{ cycle: 0, channel: 'PHONE', customerId: ID, receivedAt: '2026-11-20T09:00:00.000Z', acknowledgementDueAt: '2026-11-21T09:00:00.000Z', resolutionDueAt: '2026-12-01T09:00:00.000Z', possibleDuplicateOfId: ID }, 'Complaint received via PHONE (possible duplicate)'],
  ],
  'complaint.acknowledged': [
    [{ cycle: 0, acknowledgedAt: '2026-11-20T09:00:05.000Z', withinSla: true }, 'Complaint acknowledged within SLA'],
    [{ cycle: 0, acknowledgedAt: '2026-11-22T09:00:05.000Z', withinSla: false }, 'Complaint acknowledged after the SLA deadline'],
  ],
  'complaint.assessed': [[{ cycle: 0, category: 'BILLING', severity: 'HIGH', priority: 'P2', resolutionDueAt: '2026-11-25T09:00:00.000Z' }, 'Assessed as BILLING, severity HIGH, priority P2']],
  'complaint.escalated': [
    [{ cycle: 0, cause: 'MANUAL' }, 'Complaint escalated by staff'],
    [{ cycle: 0, cause: 'SLA_BREACH' }, 'Complaint escalated after an SLA breach'],
    [{ cycle: 0, cause: 'SAFETY' }, 'Complaint escalated as a safety issue'],
  ],
  'complaint.sla_at_risk': [[{ cycle: 0, clock: 'ACKNOWLEDGEMENT', dueAt: '2026-11-21T09:00:00.000Z' }, 'Acknowledgement SLA at risk (due 2026-11-21 09:00 UTC)']],
  'complaint.sla_breached': [[{ cycle: 0, clock: 'RESOLUTION', dueAt: '2026-12-01T09:30:00.000Z' }, 'Resolution SLA breached (was due 2026-12-01 09:30 UTC)']],
  'complaint.reopened': [[{ cycle: 1 }, 'Complaint reopened (cycle 1)']],
  'investigation.started': [
    [{ cycle: 0, investigationId: ID, assigneeId: 'inv-7' }, 'Investigation started, assigned to inv-7'],
    [{ cycle: 0, investigationId: ID }, 'Investigation started, not yet assigned'],
  ],
  'investigation.reassigned': [[{ cycle: 0, investigationId: ID, assigneeId: 'inv-9' }, 'Investigation reassigned to inv-9']],
  'investigation.note_added': [
    [{ cycle: 0, investigationId: ID, noteId: ID, kind: 'INTERVIEW' }, 'Interview recorded'],
    [{ cycle: 0, investigationId: ID, noteId: ID, kind: 'DEPARTMENT_QUERY', department: 'Finance' }, 'Department queried (Finance)'],
  ],
  'investigation.completed': [[{ cycle: 0, investigationId: ID, rootCauseCategory: 'PROCESS' }, 'Investigation completed, root cause PROCESS']],
  'resolution.proposed': [
    [{ cycle: 0, proposalId: ID, options: [{ id: OPTION, type: 'REFUND', amount: 50, currency: 'EUR' }, { id: ID, type: 'APOLOGY' }] }, 'Resolution proposed with 2 options: REFUND 50 EUR, APOLOGY'],
    [{ cycle: 0, proposalId: ID, options: [{ id: OPTION, type: 'REPAIR' }] }, 'Resolution proposed with 1 option: REPAIR'],
  ],
  'resolution.accepted': [[{ cycle: 0, proposalId: ID, optionId: OPTION, decidedBy: 'CUSTOMER' }, 'Resolution accepted by the customer']],
  'resolution.rejected': [[{ cycle: 0, proposalId: ID, decidedBy: 'STAFF' }, 'Resolution rejected as recorded by staff']],
  'resolution.implemented': [[{ cycle: 0, proposalId: ID, optionId: OPTION, type: 'CREDIT', amount: 20.5, currency: 'GBP' }, 'Resolution implemented: CREDIT 20.5 GBP']],
  'followup.requested': [[{ cycle: 0 }, 'Follow-up survey due']],
  'followup.recorded': [
    [{ cycle: 0, satisfied: true, rating: 5, via: 'SURVEY' }, 'Follow-up recorded by survey: satisfied, rated 5/5'],
    [{ cycle: 0, satisfied: false, rating: 2, via: 'STAFF' }, 'Follow-up recorded by staff: not satisfied, rated 2/5'],
  ],
  'complaint.closed': [
    [{ cycle: 0, closedAt: '2026-12-01T09:00:00.000Z', overridden: false }, 'Complaint closed'],
    [{ cycle: 0, closedAt: '2026-12-01T09:00:00.000Z', overridden: true }, 'Complaint closed by manager override'],
  ],
  'notification.sent': [[{ notificationId: ID, kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL', causeEventId: ID, attempts: 1 }, 'Acknowledgement email sent']],
  'notification.failed': [[{ notificationId: ID, kind: 'FOLLOW_UP_SURVEY', channel: 'WEBHOOK', causeEventId: ID, attempts: 5 }, 'Follow-up survey webhook failed after 5 attempts']],
  'customer.erased': [[{ customerId: ID }, "Customer's personal data erased"]],
  'complaint.trend_alert': [
    [{ category: 'DELIVERY', periodStart: '2026-11-16T00:00:00.000Z', count: 12, baseline: 4.5 }, 'Trend alert: 12 DELIVERY complaints in the period from 2026-11-16 00:00 UTC (baseline 4.5)'],
  ],
};

const cases = Object.entries(EXAMPLES).flatMap(([type, examples]) => examples.map(([data, summary]) => [type, summary, data] as const));

describe('summariseEvent', () => {
  it('has an example for every event type of the contract', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(cases)('%s reads "%s"', (type, summary, data) => {
    expect(summariseEvent({ type, version: 1, data })).toBe(summary);
  });

  it('keeps entity ids out of the sentence (they mean nothing to a reader)', () => {
    for (const [type, , data] of cases) expect(summariseEvent({ type, version: 1, data })).not.toContain(ID);
  });

  it('names a version it does not know instead of guessing its meaning', () => {
    expect(summariseEvent({ type: 'complaint.received', version: 2, data: {} })).toBe('complaint.received (version 2)');
    expect(summariseEvent({ type: 'complaint.merged', version: 1, data: {} })).toBe('complaint.merged (version 1)');
  });
});
