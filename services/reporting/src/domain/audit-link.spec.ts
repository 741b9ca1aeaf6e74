import { GENESIS, chainHash, eventHash, type SealableEvent } from './audit-link.js';

const event: SealableEvent = {
  position: '42', id: '3f1c2a9e-8d6b-4f0a-9c1e-2b7d5e4a6c80', type: 'complaint.escalated', version: 1, complaintId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  reference: 'CMP-2026-000001', occurredAt: '2026-01-01T10:00:00.123456Z', correlationId: 'c-1', actorId: 'agent-7', actorRole: 'AGENT',
  data: '{"cause": "MANUAL", "cycle": 0}', recordedAt: '2026-01-01T10:00:00.200001Z',
};

describe('audit links', () => {
  it('hash the same event the same way every time', () => {
    expect(eventHash({ ...event })).toEqual(eventHash(event));
    expect(eventHash(event)).toHaveLength(32);
  });

  it.each(Object.keys(event) as (keyof SealableEvent)[])('change when %s changes', (field) => {
    const altered = { ...event, [field]: field === 'version' ? 2 : `${event[field]}x` };
    expect(eventHash(altered).equals(eventHash(event))).toBe(false);
  });

  it('do not confuse a null with the text "null" or fields that swap content', () => {
    expect(eventHash({ ...event, actorId: null }).equals(eventHash({ ...event, actorId: 'null' }))).toBe(false);
    expect(eventHash({ ...event, actorId: 'AGENT', actorRole: 'agent-7' }).equals(eventHash(event))).toBe(false);
  });

  it('chain each link to the one before', () => {
    const first = chainHash(GENESIS, eventHash(event));
    const second = chainHash(first, eventHash({ ...event, position: '43' }));
    expect(chainHash(GENESIS, eventHash({ ...event, position: '43' })).equals(second)).toBe(false);
    expect(chainHash(first, eventHash({ ...event, position: '43' }))).toEqual(second);
  });
});
