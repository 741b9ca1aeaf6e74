import { readEnvelope } from './envelope-reader.js';

const envelope = {
  id: '6f1c4f9e-8a53-4b8e-9d3e-2f0c6f1b2a10',
  type: 'complaint.acknowledged',
  version: 1,
  occurredAt: '2026-11-23T10:00:00.000Z',
  complaintId: '0b8a1f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  reference: 'CMP-2026-000001',
  correlationId: 'corr-1',
  actor: null,
  data: { cycle: 1, acknowledgedAt: '2026-11-23T10:00:00.000Z', withinSla: true },
};
const body = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('readEnvelope', () => {
  it('accepts a valid envelope arriving under its type', () => {
    expect(readEnvelope(body(envelope), 'complaint.acknowledged')).toEqual({ ok: true, envelope });
  });

  it('calls a body that is not JSON malformed', () => {
    expect(readEnvelope(Buffer.from('{not json'), 'complaint.acknowledged')).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('calls an envelope whose data breaks the contract malformed, naming the field', () => {
    const read = readEnvelope(body({ ...envelope, data: { cycle: 1 } }), 'complaint.acknowledged');
    expect(read).toMatchObject({ ok: false, reason: 'malformed' });
    expect(!read.ok && read.problems.join()).toContain('data.acknowledgedAt');
  });

  it('reports a version it does not know (to be logged and skipped)', () => {
    expect(readEnvelope(body({ ...envelope, version: 9 }), 'complaint.acknowledged')).toMatchObject({ ok: false, reason: 'unknown-version' });
  });

  it('refuses an envelope whose type differs from its routing key', () => {
    expect(readEnvelope(body(envelope), 'complaint.closed')).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
