import fc from 'fast-check';
import type { EventEnvelope } from '@redress/contracts';
import { complaintStories, prng } from '../../test/support/complaint-stories.js';
import { foldComplaint } from './complaint-facts.js';
import type { StoredEvent } from './stored-event.js';

const ID = '3f1c2a9e-8d6b-4f0a-9c1e-2b7d5e4a6c80';
const stored = (event: EventEnvelope): StoredEvent => ({
  id: event.id, type: event.type, version: event.version, complaintId: event.complaintId, reference: event.reference,
  occurredAt: new Date(event.occurredAt), actorId: event.actor?.id ?? null, actorRole: event.actor?.role ?? null, data: event.data as Record<string, unknown>,
});

let n = 0;
const event = (type: string, hours: number, data: Record<string, unknown> = {}, actor: [string, string] | null = null): StoredEvent => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, type, version: 1, complaintId: ID, reference: 'CMP-2026-000001',
  occurredAt: new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000), actorId: actor?.[0] ?? null, actorRole: actor?.[1] ?? null, data: { cycle: 0, ...data },
});
const iso = (hours: number) => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000).toISOString();
const received = event('complaint.received', 0, {
  channel: 'WEB', category: 'BILLING', customerId: ID, receivedAt: iso(0), acknowledgementDueAt: iso(24), resolutionDueAt: iso(240),
});

function shuffledWithDuplicates(events: StoredEvent[], seed: number): StoredEvent[] {
  const random = prng(seed);
  const copy = [...events, ...events.filter(() => random() < 0.3)];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('foldComplaint', () => {
  it('gives the same facts for any arrival order and any duplicates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 2 ** 31 }), (storySeed, orderSeed) => {
        const events = complaintStories({ seed: storySeed, count: 1, from: new Date('2026-01-01'), to: new Date('2026-03-01') }).map(stored);
        const id = events[0].complaintId!;
        expect(foldComplaint(id, shuffledWithDuplicates(events, orderSeed))).toEqual(foldComplaint(id, events));
      }),
      { numRuns: 200 },
    );
  });

  it('follows a complaint from receipt to closure', () => {
    const facts = foldComplaint(ID, [
      received,
      event('complaint.acknowledged', 2, { acknowledgedAt: iso(2), withinSla: true }),
      event('complaint.assessed', 3, { category: 'DELIVERY', severity: 'HIGH', priority: 'P2', resolutionDueAt: iso(120) }, ['agent-1', 'AGENT']),
      event('investigation.started', 4, { investigationId: ID, assigneeId: 'inv-1' }, ['agent-1', 'AGENT']),
      event('investigation.completed', 20, { investigationId: ID, rootCauseCategory: 'SUPPLIER' }, ['inv-1', 'INVESTIGATOR']),
      event('resolution.proposed', 21, { proposalId: ID, options: [{ id: ID, type: 'REFUND', amount: 20, currency: 'EUR' }] }, ['agent-2', 'AGENT']),
      event('resolution.accepted', 22, { proposalId: ID, optionId: ID, decidedBy: 'CUSTOMER' }),
      event('resolution.implemented', 30, { proposalId: ID, optionId: ID, type: 'REFUND', amount: 20, currency: 'EUR' }, ['agent-2', 'AGENT']),
      event('followup.recorded', 100, { satisfied: true, rating: 4, via: 'SURVEY' }),
      event('complaint.closed', 101, { closedAt: iso(101), overridden: false }, ['manager-1', 'MANAGER']),
    ]);
    expect(facts).toMatchObject({
      status: 'CLOSED', category: 'DELIVERY', severity: 'HIGH', channel: 'WEB', receivedAt: new Date(iso(0)), acknowledgedAt: new Date(iso(2)),
      resolutionDueAt: new Date(iso(120)), resolvedAt: new Date(iso(30)), rating: 4, satisfied: true, rootCause: 'SUPPLIER',
      closures: [new Date(iso(101))], agentIds: ['agent-1', 'agent-2', 'manager-1'], investigatorIds: ['inv-1'],
      remedy: { type: 'REFUND', amount: 20, currency: 'EUR' }, eventCount: 10, escalated: false, reopenCount: 0,
    });
  });

  it('keeps ASSESSED when the acknowledgement arrives after the assessment', () => {
    const assessed = event('complaint.assessed', 1, { category: 'SAFETY', severity: 'CRITICAL', priority: 'P1', resolutionDueAt: iso(48) });
    const acknowledged = event('complaint.acknowledged', 5, { acknowledgedAt: iso(5), withinSla: true });
    expect(foldComplaint(ID, [acknowledged, assessed, received]).status).toBe('ASSESSED');
  });

  it('counts a reopen as a new cycle, keeps the first resolution time and every closure', () => {
    const facts = foldComplaint(ID, [
      received,
      event('resolution.implemented', 10, { proposalId: ID, optionId: ID, type: 'APOLOGY' }),
      event('complaint.closed', 50, { closedAt: iso(50), overridden: true }),
      event('complaint.reopened', 60, { cycle: 1 }, ['manager-1', 'MANAGER']),
      event('resolution.implemented', 70, { cycle: 1, proposalId: ID, optionId: ID, type: 'CREDIT', amount: 5, currency: 'GBP' }),
    ]);
    expect(facts).toMatchObject({ status: 'RESOLVED', cycle: 1, reopenCount: 1, resolvedAt: new Date(iso(10)), closures: [new Date(iso(50))] });
    expect(facts.remedy).toEqual({ type: 'CREDIT', amount: 5, currency: 'GBP' });
  });

  it('knows nothing about receipt until complaint.received is stored', () => {
    const facts = foldComplaint(ID, [event('complaint.escalated', 3, { cause: 'SAFETY' })]);
    expect(facts).toMatchObject({ receivedAt: null, escalated: true, eventCount: 1 });
  });

  it('ignores versions it does not know', () => {
    expect(foldComplaint(ID, [received, { ...event('complaint.escalated', 3, { cause: 'MANUAL' }), version: 2 }]).escalated).toBe(false);
  });
});
