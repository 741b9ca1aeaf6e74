import { randomUUID } from 'node:crypto';
import { customerDataPattern, type CustomerData } from '@redress/contracts';
import { RpcClient } from '@redress/messaging';
import { SubgraphHarness, envelope, waitFor } from '@redress/testing';
import { DataSource } from 'typeorm';
import { ReportingModule } from '../src/reporting.module.js';

describe('reporting: reporting.customer-data', () => {
  let harness: SubgraphHarness;
  const customerId = randomUUID();
  const complaintId = randomUUID();
  const at = new Date('2026-05-01T10:00:00Z');
  const theirs = [
    envelope('complaint.received', complaintId, {
      cycle: 0, channel: 'EMAIL', customerId, receivedAt: at.toISOString(), acknowledgementDueAt: at.toISOString(), resolutionDueAt: at.toISOString(),
    }, { occurredAt: at.toISOString() }),
    envelope('complaint.escalated', complaintId, { cycle: 0, cause: 'MANUAL' }, { occurredAt: '2026-05-02T10:00:00.000Z' }),
    envelope('customer.erased', null, { customerId }, { occurredAt: '2026-06-01T10:00:00.000Z' }),
  ];
  const someoneElses = [envelope('complaint.escalated', randomUUID(), { cycle: 0, cause: 'SAFETY' }), envelope('customer.erased', null, { customerId: randomUUID() })];

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    for (const event of [...theirs, ...someoneElses]) await harness.publish(event);
    const db = harness.app.get(DataSource);
    await waitFor(async () => (await db.query('SELECT count(*)::int AS n FROM event_store'))[0].n === 5, { description: 'five events stored' });
  });

  afterAll(() => harness?.stop());

  const ask = (payload: unknown) => harness.app.get(RpcClient).request<CustomerData>('reporting', customerDataPattern('reporting'), payload);

  it('lists the events it holds about the customer and their complaints, by id, and nothing of anyone else', async () => {
    const answer = await ask({ customerId, complaintIds: [complaintId] });
    expect(answer).toEqual({
      service: 'reporting',
      records: {
        events: theirs.map((e) => ({ id: e.id, type: e.type, occurredAt: e.occurredAt, complaintId: e.complaintId })),
        qualityReviews: [],
      },
    });
  });

  it('refuses a request without a valid customer id', async () => {
    await expect(ask({ customerId: 'nobody', complaintIds: [] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
