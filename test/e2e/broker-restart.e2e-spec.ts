import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { waitFor } from '@redress/testing';
import { startSystem, stopSystem } from './support/system.js';
import { loadCfpbSample } from '../support/cfpb-sample.js';
import { graphql, staffToken } from './support/graphql-client.js';
import { receivedEmails } from './support/mailbox.js';

// SPEC §8 "nothing lost, nothing doubled": RabbitMQ restarts while 100 complaints are being submitted,
// and still every customer gets exactly one acknowledgement.
const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference } }`;
const COUNT = 100;

// Not execFileSync: a blocked event loop misses the gateway closing an idle kept-alive socket, and the
// next request goes out on it ("other side closed") — a client's failure, not the system's.
async function rabbitmqctl(...args: string[]): Promise<void> {
  await promisify(execFile)('rabbitmqctl', args, { timeout: 120_000 });
}

beforeAll(() => startSystem(), 150_000);
afterAll(stopSystem, 30_000);

describe('a RabbitMQ restart during 100 submissions', () => {
  afterAll(() => rabbitmqctl('start_app'));

  it('still yields exactly one acknowledgement email per complaint, and every complaint ACKNOWLEDGED', async () => {
    const agent = await staffToken(['AGENT'], 'agent-restart');
    const run = Date.now();
    const samples = loadCfpbSample().slice(0, COUNT);
    const submitted: { id: string; reference: string; email: string }[] = [];
    const submitOne = async (i: number) => {
      const email = `restart.${run}.${i}@example.com`;
      const response = await graphql<{ submitComplaint: { id: string; reference: string } }>(SUBMIT, {
        input: { channel: samples[i].channel, customer: { name: `Customer ${i}`, email }, subject: samples[i].subject, description: samples[i].description },
      }, agent);
      expect(response.errors).toBeUndefined();
      submitted.push({ ...response.data!.submitComplaint, email });
    };

    for (let i = 0; i < 30; i += 1) await submitOne(i);
    await rabbitmqctl('stop_app');
    for (let i = 30; i < 70; i += 1) await submitOne(i);
    await rabbitmqctl('start_app');
    for (let i = 70; i < COUNT; i += 1) await submitOne(i);
    expect(new Set(submitted.map((s) => s.reference)).size).toBe(COUNT);

    const mine = () => receivedEmails().filter((e) => e.to.includes(`restart.${run}.`));
    await waitFor(() => (mine().length >= COUNT ? true : undefined), { timeoutMs: 120_000, intervalMs: 500 });
    await new Promise((r) => setTimeout(r, 3000));
    const emails = mine();
    expect(emails).toHaveLength(COUNT);
    for (const s of submitted) expect(emails.filter((e) => e.to.includes(s.email) && e.subject.includes(s.reference))).toHaveLength(1);

    const manager = await staffToken(['MANAGER']);
    await waitFor(async () => {
      const response = await graphql<{ complaints: { totalCount: number } }>(
        `query($from: DateTime!) { complaints(filter: { status: [RECEIVED], receivedFrom: $from }) { totalCount } }`,
        { from: new Date(run - 1000).toISOString() }, manager,
      );
      return response.data?.complaints.totalCount === 0 ? true : undefined;
    }, { timeoutMs: 60_000, intervalMs: 500 });
  });
});
