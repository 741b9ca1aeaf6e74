import { randomUUID } from 'node:crypto';
import { COMPLAINT_STATE, type ComplaintState } from '@redress/contracts';
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
    expect(typeof state.customerId).toBe('string');
    expect(Date.parse(state.resolutionDueAt)).toBeGreaterThan(Date.parse(state.receivedAt));
  });

  it('answers NOT_FOUND for an unknown complaint and BAD_USER_INPUT for a malformed id', async () => {
    await expect(rpc.request('intake', COMPLAINT_STATE, { complaintId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rpc.request('intake', COMPLAINT_STATE, { complaintId: 'nope' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
