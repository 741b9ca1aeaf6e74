import { randomUUID } from 'node:crypto';
import amqp, { type ChannelModel } from 'amqplib';
import { DataSource } from 'typeorm';
import { customerDataPattern } from '@redress/contracts';
import { rpcQueue } from '@redress/messaging';
import { SubgraphHarness, anonymous, staff } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { complaintInput, errorCode, submitComplaint } from './intake-client.js';

const CUSTOMER = `query($id: ID!) { complaint(id: $id) { subject description desiredOutcome status category customer { id name email phone erasedAt } escalations { reason } } }`;
const EXPORT = `query($customerId: ID!) { exportCustomerData(customerId: $customerId) { customerId exportedAt unavailable complete sections { service records } } }`;
const ERASE = `mutation($customerId: ID!) { eraseCustomer(customerId: $customerId) { customerId erasedAt complaints } }`;
const ESCALATE = `mutation($id: ID!, $reason: String!) { escalateComplaint(id: $id, reason: $reason) { id } }`;
const TRACK = `query($reference: String!, $email: String!) { trackComplaint(reference: $reference, email: $email) { status } }`;
const LIST = `query($search: String!) { complaints(filter: { search: $search }) { totalCount } }`;

describe('intake: GDPR export and erasure', () => {
  let harness: SubgraphHarness;
  let db: DataSource;
  let broker: ChannelModel;
  const asked: unknown[] = [];

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    db = harness.app.get(DataSource);
    // resolution answers `resolution.customer-data`; investigation, notification and reporting are not running.
    broker = await amqp.connect(harness.env.config.rabbitmqUrl);
    const channel = await broker.createChannel();
    await channel.consume(rpcQueue('resolution'), (message) => {
      if (!message) return;
      const request = JSON.parse(message.content.toString());
      asked.push({ pattern: message.properties.type, request });
      const body = { service: 'resolution', records: { proposals: [{ complaintId: request.complaintIds[0], message: 'We offer a refund' }] } };
      channel.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(body)), { correlationId: message.properties.correlationId, type: 'result' });
      channel.ack(message);
    });
  });

  afterAll(async () => {
    await broker?.close().catch(() => undefined);
    await harness?.stop();
  });

  async function customerWithTwoComplaints() {
    const input = complaintInput({ customer: { name: 'Grace Hopper', email: `grace.${randomUUID()}@example.com`, phone: '+44 20 7946 0000' }, desiredOutcome: 'A refund' });
    const first = await submitComplaint(harness, input);
    const second = await submitComplaint(harness, { ...input, subject: 'Rude driver', description: 'The driver shouted at Grace Hopper.' });
    await harness.query(ESCALATE, { id: second.id, reason: 'Grace Hopper called three times' }, staff('AGENT'));
    const { data } = await harness.query<{ complaint: { customer: { id: string } } }>(CUSTOMER, { id: first.id }, staff('AGENT'));
    return { input, first, second, customerId: data!.complaint.customer.id };
  }

  it('exports everything held about the customer, lists the services that did not answer, and keeps it to MANAGER and ADMIN', async () => {
    const { first, second, customerId, input } = await customerWithTwoComplaints();
    const started = Date.now();
    const response = await harness.query<{ exportCustomerData: { customerId: string; unavailable: string[]; complete: boolean; sections: { service: string; records: string }[] } }>(
      EXPORT, { customerId }, staff('ADMIN'));
    expect(Date.now() - started).toBeLessThan(6_000);
    const exported = response.data!.exportCustomerData;
    expect(exported).toMatchObject({ customerId, complete: false, unavailable: ['investigation', 'notification', 'reporting'] });
    const [intake, resolution] = exported.sections.map((section) => ({ service: section.service, records: JSON.parse(section.records) }));
    expect(intake.service).toBe('intake');
    expect(intake.records.customer).toEqual([expect.objectContaining({ id: customerId, name: 'Grace Hopper', email: input.customer.email, phone: '+44 20 7946 0000' })]);
    expect(intake.records.complaints.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    expect(intake.records.escalations).toEqual([expect.objectContaining({ complaintId: second.id, reason: 'Grace Hopper called three times' })]);
    expect(resolution).toEqual({ service: 'resolution', records: { proposals: [{ complaintId: first.id, message: 'We offer a refund' }] } });
    expect(asked).toContainEqual({ pattern: customerDataPattern('resolution'), request: { customerId, complaintIds: [first.id, second.id] } });

    expect(errorCode(await harness.query(EXPORT, { customerId }, staff('AGENT')))).toBe('FORBIDDEN');
    expect(errorCode(await harness.query(EXPORT, { customerId }, anonymous))).toBe('UNAUTHENTICATED');
    expect((await harness.query<{ exportCustomerData: unknown }>(EXPORT, { customerId: randomUUID() }, staff('MANAGER'))).data!.exportCustomerData).toBeNull();
  });

  it('erases the personal data and free text, keeps the complaints for statistics and tells the other services', async () => {
    const { input, first, second, customerId } = await customerWithTwoComplaints();
    expect(errorCode(await harness.query(ERASE, { customerId }, staff('MANAGER')))).toBe('FORBIDDEN');
    const { data, errors } = await harness.query<{ eraseCustomer: { customerId: string; complaints: number } }>(ERASE, { customerId }, staff('ADMIN', 'admin-1'));
    expect(errors).toBeUndefined();
    expect(data!.eraseCustomer).toMatchObject({ customerId, complaints: 2 });

    const read = async (id: string) => (await harness.query<{ complaint: Record<string, unknown> }>(CUSTOMER, { id }, staff('MANAGER'))).data!.complaint;
    expect(await read(first.id)).toMatchObject({
      subject: '[erased]', description: '[erased]', desiredOutcome: null, status: 'RECEIVED', category: 'DELIVERY',
      customer: { id: customerId, name: 'Erased customer', email: `erased-${customerId}@erased.invalid`, phone: null, erasedAt: expect.any(String) },
    });
    expect(await read(second.id)).toMatchObject({ escalations: [{ reason: null }] });
    const leftovers = await db.query(`SELECT count(*)::int AS n FROM complaints c JOIN customers u ON u.id = c.customer_id
      WHERE u.id = $1 AND (c.search_vector @@ to_tsquery('simple', 'grace') OR u.search_vector @@ to_tsquery('simple', 'grace'))`, [customerId]);
    expect(leftovers).toEqual([{ n: 0 }]);
    expect((await harness.query<{ complaints: { totalCount: number } }>(LIST, { search: first.reference }, staff('AGENT'))).data!.complaints.totalCount).toBe(1);
    expect((await harness.query<{ complaints: { totalCount: number } }>(LIST, { search: input.customer.email }, staff('AGENT'))).data!.complaints.totalCount).toBe(0);
    expect((await harness.query<{ trackComplaint: unknown }>(TRACK, { reference: first.reference, email: input.customer.email }, anonymous)).data!.trackComplaint).toBeNull();

    const [erased] = await db.query(`SELECT envelope FROM outbox WHERE type = 'customer.erased' AND envelope->'data'->>'customerId' = $1`, [customerId]);
    expect(erased.envelope).toMatchObject({ complaintId: null, reference: null, actor: { id: 'admin-1', role: 'ADMIN' }, data: { customerId } });

    expect(errorCode(await harness.query(ERASE, { customerId }, staff('ADMIN')))).toBe('CONFLICT');
    expect(errorCode(await harness.query(ERASE, { customerId: randomUUID() }, staff('ADMIN')))).toBe('NOT_FOUND');
    expect((await harness.query(ERASE, { customerId: 'nope' }, staff('ADMIN'))).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'customerId' } });
  });

  it('starts a new customer when the same email complains again after erasure', async () => {
    const { input, customerId } = await customerWithTwoComplaints();
    await harness.query(ERASE, { customerId }, staff('ADMIN'));
    const again = await submitComplaint(harness, { customer: input.customer });
    const { data } = await harness.query<{ complaint: { customer: { id: string; email: string } } }>(CUSTOMER, { id: again.id }, staff('AGENT'));
    expect(data!.complaint.customer.id).not.toBe(customerId);
    expect(data!.complaint.customer.email).toBe(input.customer.email);
  });
});
