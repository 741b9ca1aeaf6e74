import { execFileSync } from 'node:child_process';
import { waitFor } from '@redress/testing';
import { e2eEnv } from './support/e2e-environment.js';
import { EventTap } from './support/event-tap.js';
import { graphql, staffToken, type GraphqlResponse } from './support/graphql-client.js';
import { startSystem, stopSystem } from './support/system.js';

// Issue 4, SLA clocks through the real system with tiny clocks: the acknowledgement clock runs 1.8 s
// and every resolution clock 3.6 s. A breach publishes complaint.sla_breached and escalates once per
// cycle — also when Redis loses all its data before or after. (The managers' emails sent from these
// events are asserted by the notification specs.)
const TINY_CLOCKS = { SLA_ACK_HOURS: '0.0005', SLA_RESOLUTION_HOURS: 'CRITICAL=0.001,HIGH=0.001,MEDIUM=0.001,LOW=0.001' };
const RESOLUTION_MS = 3_600;

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference receivedAt resolutionDueAt } }`;
const CLOCKS = `query($id: ID!) { complaint(id: $id) { escalated resolutionDueAt escalations { cause } slaClocks { clock state dueAt breachedAt } } }`;
const PAUSE = `mutation($id: ID!) { pauseSlaClock(id: $id, reason: "Waiting for the customer's receipts") { slaPaused } }`;
const RESUME = `mutation($id: ID!) { resumeSlaClock(id: $id, reason: "Receipts received") { slaPaused resolutionDueAt } }`;

const tap = new EventTap();
let agent: string;

beforeAll(() => startSystem(TINY_CLOCKS), 150_000);
afterAll(stopSystem, 30_000);
beforeAll(async () => {
  await tap.start();
  agent = await staffToken(['AGENT'], 'agent-sla');
});
afterAll(() => tap.stop());

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response: GraphqlResponse<T> = await graphql<T>(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function submit(subject: string): Promise<{ id: string; receivedAt: string; resolutionDueAt: string }> {
  const input = { channel: 'WEB', customer: { name: 'Grace Hopper', email: `grace.${Date.now()}@example.com` }, subject, description: 'Still waiting for an answer.' };
  return (await ok<{ submitComplaint: { id: string; receivedAt: string; resolutionDueAt: string } }>(SUBMIT, { input })).submitComplaint;
}

/** Deletes every Redis key of this e2e system's BullMQ prefix (and only those), as a Redis restart without persistence would. */
function flushOwnRedisKeys(): void {
  const prefix = e2eEnv.BULLMQ_PREFIX!;
  if (!prefix.startsWith('redress-e2e')) throw new Error(`refusing to flush ${prefix}`);
  const keys = execFileSync('redis-cli', ['-n', '0', '--scan', '--pattern', `${prefix}*`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (let i = 0; i < keys.length; i += 500) execFileSync('redis-cli', ['-n', '0', 'del', ...keys.slice(i, i + 500)]);
}

const events = (type: string, id: string) => tap.of(type, id).map((e) => e.envelope.data as { clock?: string; cause?: string });
const breaches = (id: string, clock: string) => events('complaint.sla_breached', id).filter((d) => d.clock === clock).length;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SLA clocks through the gateway, with tiny clock settings', () => {
  it('breaches the resolution clock once, escalates once, and warns once at 80 %', async () => {
    const complaint = await submit('No answer yet');
    expect(Date.parse(complaint.resolutionDueAt) - Date.parse(complaint.receivedAt)).toBe(RESOLUTION_MS);
    await waitFor(() => breaches(complaint.id, 'RESOLUTION') === 1, { timeoutMs: 20_000, description: 'the resolution clock breached' });
    await settle(6_000);
    expect(breaches(complaint.id, 'RESOLUTION')).toBe(1);
    expect(breaches(complaint.id, 'ACKNOWLEDGEMENT')).toBeLessThanOrEqual(1);
    expect(events('complaint.sla_at_risk', complaint.id).filter((d) => d.clock === 'RESOLUTION')).toHaveLength(1);
    expect(events('complaint.escalated', complaint.id)).toEqual([{ cycle: 0, cause: 'SLA_BREACH' }]);
    const read = await ok<{ complaint: { escalated: boolean; slaClocks: { clock: string; state: string }[] } }>(CLOCKS, { id: complaint.id }, agent);
    expect(read.complaint.escalated).toBe(true);
    expect(read.complaint.slaClocks.find((c) => c.clock === 'RESOLUTION')?.state).toBe('BREACHED');
  });

  it('still breaches and escalates exactly once when Redis loses everything before and after the breach', async () => {
    const complaint = await submit('Nobody called me back');
    flushOwnRedisKeys();
    await waitFor(() => breaches(complaint.id, 'RESOLUTION') === 1, { timeoutMs: 30_000, description: 'the breach after Redis lost the timers' });
    flushOwnRedisKeys();
    await settle(8_000);
    expect(breaches(complaint.id, 'RESOLUTION')).toBe(1);
    expect(breaches(complaint.id, 'ACKNOWLEDGEMENT')).toBeLessThanOrEqual(1);
    expect(events('complaint.escalated', complaint.id)).toEqual([{ cycle: 0, cause: 'SLA_BREACH' }]);
  });

  it('rings nothing while paused, and breaches after resuming with the due date moved by the pause', async () => {
    const complaint = await submit('Waiting on my side');
    await ok(PAUSE, { id: complaint.id }, agent);
    await settle(RESOLUTION_MS + 2_000);
    expect(events('complaint.sla_breached', complaint.id)).toEqual([]);
    const resumed = (await ok<{ resumeSlaClock: { slaPaused: boolean; resolutionDueAt: string } }>(RESUME, { id: complaint.id }, agent)).resumeSlaClock;
    expect(resumed.slaPaused).toBe(false);
    expect(Date.parse(resumed.resolutionDueAt) - Date.parse(complaint.resolutionDueAt)).toBeGreaterThanOrEqual(RESOLUTION_MS + 2_000);
    await waitFor(() => breaches(complaint.id, 'RESOLUTION') === 1, { timeoutMs: 20_000, description: 'the breach after resuming' });
    const [breach] = tap.of('complaint.sla_breached', complaint.id).filter((e) => (e.envelope.data as { clock: string }).clock === 'RESOLUTION');
    expect(Date.parse(breach.envelope.occurredAt)).toBeGreaterThanOrEqual(Date.parse(resumed.resolutionDueAt));
  });
});
