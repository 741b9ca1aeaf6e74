import { randomUUID } from 'node:crypto';
import { COMPLAINT_CONTACT, COMPLAINT_STATE, type ComplaintContact, type ComplaintState } from '@redress/contracts';
import { RpcClient } from '@redress/messaging';
import { SubgraphHarness, anonymous } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference } }`;

describe('intake.complaint-state: other services check SPEC §5 rules against it', () => {
  let harness: SubgraphHarness;
  let rpc: RpcClient;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    rpc = harness.app.get(RpcClient);
  });

  afterAll(() => harness?.stop());

  it('answers the state of a complaint as soon as submitComplaint returned', async () => {
    const input = { channel: 'WEB', subject: 'Broken kettle', description: 'It stopped working.', customer: { name: 'Ada', email: `ada.${randomUUID()}@example.com` } };
    const { data } = await harness.query<{ submitComplaint: { id: string; reference: string } }>(SUBMIT, { input }, anonymous);
    const { id, reference } = data!.submitComplaint;
    const state = await rpc.request<ComplaintState>('intake', COMPLAINT_STATE, { complaintId: id });
    expect(state).toMatchObject({ complaintId: id, reference, status: 'RECEIVED', cycle: 0, escalated: false });
    expect(Object.keys(state).sort()).toEqual(['category', 'complaintId', 'customerId', 'cycle', 'escalated', 'priority', 'receivedAt', 'reference', 'resolutionDueAt', 'severity', 'status']);
    expect(typeof state.customerId).toBe('string');
    expect(Date.parse(state.resolutionDueAt)).toBeGreaterThan(Date.parse(state.receivedAt));
  });

  it('answers the contact of a complaint: its customer and dates, nothing more', async () => {
    const email = `grace.${randomUUID()}@example.com`;
    const input = { channel: 'WEB', subject: 'Double charge', description: 'Charged twice.', customer: { name: 'Grace', email, phone: '+44 20 7946 0000' } };
    const { data } = await harness.query<{ submitComplaint: { id: string; reference: string } }>(SUBMIT, { input }, anonymous);
    const { id, reference } = data!.submitComplaint;
    const state = await rpc.request<ComplaintState>('intake', COMPLAINT_STATE, { complaintId: id });
    const contact = await rpc.request<ComplaintContact>('intake', COMPLAINT_CONTACT, { complaintId: id });
    expect(contact).toEqual({
      complaintId: id, reference, customerId: state.customerId, customerName: 'Grace', email, phone: '+44 20 7946 0000',
      status: 'RECEIVED', cycle: 0, receivedAt: state.receivedAt, acknowledgementDueAt: expect.any(String), resolutionDueAt: state.resolutionDueAt,
    });
    expect(Date.parse(contact.acknowledgementDueAt)).toBeGreaterThan(Date.parse(contact.receivedAt));
    expect(new Date(contact.receivedAt).toISOString()).toBe(contact.receivedAt);
    await expect(rpc.request('intake', COMPLAINT_CONTACT, { complaintId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for an unknown complaint and BAD_USER_INPUT for a malformed id', async () => {
    await expect(rpc.request('intake', COMPLAINT_STATE, { complaintId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rpc.request('intake', COMPLAINT_STATE, { complaintId: 'nope' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
