import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@redress/testing';
import { E2E } from './support/e2e-environment.js';
import { startSystem, stopSystem } from './support/system.js';
import { EventTap } from './support/event-tap.js';
import { errorCodes, graphql, staffToken } from './support/graphql-client.js';
import { receivedEmails } from './support/mailbox.js';

// SPEC §1 steps 1–2 through the real gateway, services, broker, databases, Redis and SMTP.
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitComplaintInput!) {
    submitComplaint(input: $input) { id reference status receivedAt acknowledgementDueAt resolutionDueAt }
  }`;

const READ = /* GraphQL */ `
  query Read($id: ID!) {
    complaint(id: $id) {
      id reference status acknowledgedAt acknowledgementDueAt resolutionDueAt subject
      customer { name email }
      notifications { kind channel status recipient attempts sentAt }
      timeline { type summary }
    }
  }`;

interface Submitted { id: string; reference: string; status: string; receivedAt: string; resolutionDueAt: string }

const tap = new EventTap();
let manager: string;

beforeAll(() => startSystem(), 150_000);
afterAll(stopSystem, 30_000);

beforeAll(async () => {
  await tap.start();
  manager = await staffToken(['MANAGER'], 'manager-1');
});
afterAll(() => tap.stop());

function webComplaint(email: string, extra: Record<string, unknown> = {}) {
  return {
    channel: 'WEB',
    customer: { name: 'Grace Hopper', email, phone: '+44 20 7946 0000' },
    subject: 'Charged twice for one order',
    description: 'My card was charged twice for order 1234 on Monday.',
    desiredOutcome: 'Refund the second charge',
    ...extra,
  };
}

async function submit(input: Record<string, unknown>, token?: string): Promise<Submitted> {
  const response = await graphql<{ submitComplaint: Submitted }>(SUBMIT, { input }, token);
  expect(response.errors).toBeUndefined();
  return response.data!.submitComplaint;
}


describe('a complaint submitted through the gateway is acknowledged end to end', () => {
  let complaint: Submitted;
  const email = `grace.${Date.now()}@example.com`;

  beforeAll(async () => {
    complaint = await submit(webComplaint(email));
  });

  it('returns a CMP reference and the SLA dates at once', () => {
    expect(complaint.reference).toMatch(/^CMP-\d{4}-\d{6,}$/);
    expect(complaint.status).toBe('RECEIVED');
    const received = Date.parse(complaint.receivedAt);
    expect(Date.parse(complaint.resolutionDueAt) - received).toBe(240 * 3_600_000);
  });

  it('sends exactly one personal acknowledgement email naming the customer, the reference and the estimated date', async () => {
    const mine = await waitFor(() => {
      const emails = receivedEmails().filter((e) => e.to.includes(email));
      return emails.length ? emails : undefined;
    }, { timeoutMs: 20_000 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(receivedEmails().filter((e) => e.to.includes(email))).toHaveLength(1);
    const estimated = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(complaint.resolutionDueAt));
    expect(mine[0].subject).toContain(complaint.reference);
    expect(mine[0].body).toContain('Dear Grace');
    expect(mine[0].body).toContain(complaint.reference);
    expect(mine[0].body).toContain(estimated);
  });

  it('marks the complaint ACKNOWLEDGED with acknowledgedAt, records the delivery and the timeline', async () => {
    const read = await waitFor(async () => {
      const response = await graphql<{ complaint: Record<string, any> }>(READ, { id: complaint.id }, manager);
      const c = response.data?.complaint;
      return c?.status === 'ACKNOWLEDGED' && c.timeline?.length >= 3 ? c : undefined;
    }, { timeoutMs: 20_000 });
    expect(read.acknowledgedAt).not.toBeNull();
    expect(Date.parse(read.acknowledgedAt)).toBeLessThanOrEqual(Date.parse(read.acknowledgementDueAt));
    expect(read.customer).toEqual({ name: 'Grace Hopper', email });
    expect(read.notifications).toEqual([
      expect.objectContaining({ kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL', status: 'SENT', recipient: email, attempts: 1 }),
    ]);
    expect(read.timeline.map((t: { type: string }) => t.type)).toEqual(['complaint.received', 'notification.sent', 'complaint.acknowledged']);
  });

  it('announces complaint.received, notification.sent and complaint.acknowledged as bare, persistent envelopes without personal data', async () => {
    const types = ['complaint.received', 'notification.sent', 'complaint.acknowledged'];
    await waitFor(() => types.every((t) => tap.of(t, complaint.id).length > 0) || undefined, { timeoutMs: 20_000 });
    for (const type of types) {
      const [event] = tap.of(type, complaint.id);
      expect(event.routingKey).toBe(type);
      expect(event.properties.messageId).toBe(event.envelope.id);
      expect(event.properties.type).toBe(type);
      expect(event.properties.deliveryMode).toBe(2);
      expect(event.properties.contentType).toBe('application/json');
      expect(Object.keys(event.envelope).sort()).toEqual(['actor', 'complaintId', 'correlationId', 'data', 'id', 'occurredAt', 'reference', 'type', 'version']);
      expect(event.envelope).toMatchObject({ version: 1, complaintId: complaint.id, reference: complaint.reference, actor: null });
      for (const personal of ['Grace', email, '7946', 'Charged twice', 'order 1234', 'Refund the second']) expect(event.raw).not.toContain(personal);
    }
    expect(tap.of('complaint.acknowledged', complaint.id)[0].envelope.data).toMatchObject({ cycle: 0, withinSla: true });
  });
});

describe('the correlation id', () => {
  it('flows from the caller through the gateway into every event and every service log line of the slice', async () => {
    const correlationId = `e2e-trace-${Date.now()}`;
    const response = await graphql<{ submitComplaint: Submitted }>(SUBMIT, { input: webComplaint(`trace.${Date.now()}@example.com`) }, undefined, {
      'x-correlation-id': correlationId,
    });
    const { id } = response.data!.submitComplaint;
    const types = ['complaint.received', 'notification.sent', 'complaint.acknowledged'];
    await waitFor(() => types.every((t) => tap.of(t, id).length > 0) || undefined, { timeoutMs: 20_000 });
    for (const type of types) {
      const [event] = tap.of(type, id);
      expect(event.envelope.correlationId).toBe(correlationId);
      expect(event.properties.correlationId).toBe(correlationId);
    }
    for (const service of ['intake', 'notification', 'reporting']) {
      const lines = readFileSync(join(E2E.logDirectory, `${service}.log`), 'utf8').split('\n').filter((l) => l.includes(correlationId));
      expect(lines.length).toBeGreaterThan(0);
    }
  });
});

describe('operations metrics', () => {
  const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  /** The value of the first series named `name` that carries every given label, or undefined. */
  const valueOf = (text: string, name: string, labels: Record<string, string>) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  it('exposes Prometheus series for requests, events, outbox lag, queue depth and jobs on every service', async () => {
    const intake = await scrape(E2E.ports.intake);
    expect(valueOf(intake, 'redress_events_published_total', { type: 'complaint.received', service: 'intake' })).toBeGreaterThan(0);
    expect(valueOf(intake, 'redress_events_consumed_total', { type: 'notification.sent', outcome: 'handled', service: 'intake' })).toBeGreaterThan(0);
    expect(valueOf(intake, 'redress_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThan(0);
    expect(valueOf(intake, 'redress_outbox_lag_seconds', { service: 'intake' })).toBeGreaterThanOrEqual(0);
    expect(valueOf(intake, 'redress_queue_messages', { queue: 'intake.events.dlq' })).toBe(0);
    const notification = await scrape(E2E.ports.notification);
    expect(valueOf(notification, 'redress_job_duration_seconds_count', { queue: 'notification-delivery', outcome: 'completed' })).toBeGreaterThan(0);
    expect(valueOf(notification, 'process_resident_memory_bytes', { service: 'notification' })).toBeGreaterThan(0);
  });
});

describe('submission rules', () => {
  it('returns the same complaint for the same idempotency key and email', async () => {
    const email = `key.${Date.now()}@example.com`;
    const first = await submit(webComplaint(email, { idempotencyKey: 'form-42' }));
    const again = await submit(webComplaint(email, { idempotencyKey: 'form-42' }));
    expect(again.id).toBe(first.id);
    expect(again.reference).toBe(first.reference);
  });

  it('answers bad input with BAD_USER_INPUT naming the field, and stores nothing', async () => {
    const email = `bad.${Date.now()}@example.com`;
    const count = async () => (await graphql<{ complaints: { totalCount: number } }>(`{ complaints { totalCount } }`, {}, manager)).data!.complaints.totalCount;
    const before = await count();
    const response = await graphql(SUBMIT, { input: webComplaint(email, { subject: '   ' }) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toContain('input.subject');
    const tooLong = await graphql(SUBMIT, { input: webComplaint(email, { description: 'x'.repeat(10_001) }) });
    expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
    expect(tooLong.errors![0].message).toContain('input.description');
    await new Promise((r) => setTimeout(r, 500));
    expect(await count()).toBe(before);
    expect(receivedEmails().filter((e) => e.to.includes(email))).toHaveLength(0);
  });

  it('lets anonymous customers use the web form only, and refuses staff without an intake role', async () => {
    const phone = await graphql(SUBMIT, { input: webComplaint('anon@example.com', { channel: 'PHONE' }) });
    expect(errorCodes(phone)).toEqual(['UNAUTHENTICATED']);
    const qa = await graphql(SUBMIT, { input: webComplaint('qa@example.com') }, await staffToken(['QA']));
    expect(errorCodes(qa)).toEqual(['FORBIDDEN']);
    const agent = await graphql<{ submitComplaint: Submitted }>(SUBMIT, { input: webComplaint(`agent.${Date.now()}@example.com`, { channel: 'PHONE' }) }, await staffToken(['AGENT']));
    expect(agent.errors).toBeUndefined();
  });

  it('never shows an anonymous caller more than SPEC §2 allows, nor a stack trace', async () => {
    const response = await graphql(`mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id subject } }`, {
      input: webComplaint(`peek.${Date.now()}@example.com`),
    });
    expect(errorCodes(response)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+|SELECT|INSERT/);
  });

  it('rejects an invalid token with UNAUTHENTICATED', async () => {
    const response = await graphql(`query { complaint(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, 'not-a-token');
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});
