import { envelope, staff, waitFor } from '@redress/testing';
import { NotificationFixture } from './support/notification-fixture.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'whsec-quality-dept-0123456789';

const REGISTER = `mutation($url: String!, $eventTypes: [String!]!, $secret: String!) {
  registerWebhook(url: $url, eventTypes: $eventTypes, secret: $secret) { id url eventTypes active consecutiveFailures } }`;
const LOG = `query($id: ID!) { webhook(id: $id) { active consecutiveFailures disabledReason
  deliveries { eventId eventType status attempts lastStatusCode lastError deliveredAt attemptLog { attempt statusCode error durationMs } } } }`;

interface Delivery { eventId: string; eventType: string; status: string; attempts: number; lastStatusCode: number | null; attemptLog: { attempt: number; statusCode: number | null }[] }
interface WebhookLog { active: boolean; consecutiveFailures: number; disabledReason: string | null; deliveries: Delivery[] }

const admin = staff('ADMIN', 'admin-1');

describe('notification: webhooks for systems that cannot bind to RabbitMQ', () => {
  let fixture: NotificationFixture;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    fixture = await NotificationFixture.start({
      WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_RETRY_MAX_MS: '400', WEBHOOK_DELIVERY_ATTEMPTS: '5', WEBHOOK_DISABLE_AFTER_FAILURES: '3',
    });
    receiver = await new WebhookReceiver(SECRET).start();
  });
  afterAll(async () => {
    await receiver?.close();
    await fixture?.stop();
  });

  const register = async (path: string, eventTypes: string[]) => {
    const response = await fixture.harness.query<{ registerWebhook: { id: string } }>(REGISTER, { url: receiver.url(path), eventTypes, secret: SECRET }, admin);
    expect(response.errors).toBeUndefined();
    return response.data!.registerWebhook.id;
  };
  const log = async (id: string) => (await fixture.harness.query<{ webhook: WebhookLog }>(LOG, { id }, admin)).data!.webhook;
  const closed = (complaintId: string) => envelope('complaint.closed', complaintId, { cycle: 0, closedAt: new Date().toISOString(), overridden: false });

  it('posts each subscribed event, exactly as published, signed so the receiver can verify it; other types are not sent', async () => {
    const id = await register('/quality', ['complaint.closed', 'resolution.accepted']);
    const { contact } = fixture.peers.addComplaint();
    const event = closed(contact.complaintId);
    await fixture.publish(event);
    await fixture.publish(event);
    await fixture.publish(envelope('complaint.assessed', contact.complaintId, { cycle: 0, category: 'BILLING', severity: 'LOW', priority: 'P4', resolutionDueAt: contact.resolutionDueAt }));
    await waitFor(() => receiver.on('/quality').length >= 1, { description: 'the webhook post' });
    await fixture.drained();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [post, ...more] = receiver.on('/quality');
    expect(more).toHaveLength(0);
    expect(post.signatureValid).toBe(true);
    expect(JSON.parse(post.body)).toEqual(event);
    expect(post.headers).toMatchObject({ 'content-type': 'application/json', 'x-redress-event': 'complaint.closed', 'x-redress-event-id': event.id });
    expect(post.body).not.toContain(contact.email);
    const webhook = await log(id);
    expect(webhook.deliveries).toEqual([expect.objectContaining({ eventId: event.id, eventType: 'complaint.closed', status: 'SENT', attempts: 1, lastStatusCode: 200 })]);
  });

  it('retries after a 500 with backoff, signing each attempt, until the receiver takes it; the log shows every attempt', async () => {
    const id = await register('/flaky', ['resolution.accepted']);
    receiver.script.set('/flaky', { next: [500, 503] });
    const { contact } = fixture.peers.addComplaint();
    const event = envelope('resolution.accepted', contact.complaintId, { cycle: 0, proposalId: contact.complaintId, decidedBy: 'CUSTOMER' });
    await fixture.publish(event);
    await waitFor(() => receiver.on('/flaky').some((p) => p.answered === 200), { description: 'the third attempt' });
    const posts = receiver.on('/flaky');
    expect(posts.map((p) => p.answered)).toEqual([500, 503, 200]);
    expect(posts.every((p) => p.signatureValid && p.body === posts[0].body)).toBe(true);
    expect(new Set(posts.map((p) => p.headers['x-redress-delivery'])).size).toBe(1);
    const webhook = await waitFor(async () => {
      const current = await log(id);
      return current.deliveries[0]?.status === 'SENT' ? current : undefined;
    });
    expect(webhook.consecutiveFailures).toBe(0);
    expect(webhook.deliveries[0]).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    expect(webhook.deliveries[0].attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([[1, 500], [2, 503], [3, 200]]);
  });

  it('switches a webhook off after repeated failures, fails what it could not deliver, and sends nothing more until enabled', async () => {
    const id = await register('/down', ['complaint.closed']);
    receiver.script.set('/down', { next: [], always: 500 });
    const { contact } = fixture.peers.addComplaint();
    await fixture.publish(closed(contact.complaintId));
    const off = await waitFor(async () => {
      const current = await log(id);
      return !current.active && current.deliveries[0]?.status === 'FAILED' ? current : undefined;
    }, { description: 'the webhook switched off' });
    expect(off.consecutiveFailures).toBe(3);
    expect(off.disabledReason).toContain('3 consecutive failed attempts');
    expect(receiver.on('/down')).toHaveLength(3);

    await fixture.publish(closed(fixture.peers.addComplaint().contact.complaintId));
    await fixture.drained();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await log(id)).deliveries).toHaveLength(1);
    expect(receiver.on('/down')).toHaveLength(3);

    receiver.script.delete('/down');
    const enabled = await fixture.harness.query<{ enableWebhook: { active: boolean; consecutiveFailures: number } }>(
      `mutation($id: ID!) { enableWebhook(id: $id) { active consecutiveFailures } }`, { id }, admin);
    expect(enabled.data!.enableWebhook).toEqual({ active: true, consecutiveFailures: 0 });
    await fixture.publish(closed(fixture.peers.addComplaint().contact.complaintId));
    await waitFor(() => receiver.on('/down').some((p) => p.answered === 200), { description: 'delivery after enabling' });
  });

  it('refuses bad registrations naming the field, and anyone but ADMIN; nothing is stored', async () => {
    const count = async () => (await fixture.db.query(`SELECT count(*)::int AS n FROM webhooks`))[0].n;
    const before = await count();
    const attempt = (variables: Record<string, unknown>, who = admin) =>
      fixture.harness.query(REGISTER, { url: receiver.url('/x'), eventTypes: ['complaint.closed'], secret: SECRET, ...variables }, who);
    const field = (response: { errors?: { extensions?: { code?: string; field?: unknown } }[] }) => [response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.field];
    expect(field(await attempt({ url: 'not a url' }))).toEqual(['BAD_USER_INPUT', 'url']);
    expect(field(await attempt({ url: 'ftp://example.com/x' }))).toEqual(['BAD_USER_INPUT', 'url']);
    expect(field(await attempt({ eventTypes: ['complaint.exploded'] }))).toEqual(['BAD_USER_INPUT', 'eventTypes']);
    expect(field(await attempt({ eventTypes: [] }))).toEqual(['BAD_USER_INPUT', 'eventTypes']);
    expect(field(await attempt({ secret: 'short' }))).toEqual(['BAD_USER_INPUT', 'secret']);
    expect((await attempt({}, staff('MANAGER'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    const unknown = await fixture.harness.query(`mutation { disableWebhook(id: "7d0b7c55-3a53-4a39-9d53-5a1c9a8e2c11") { id } }`, {}, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('notification: webhooks cannot be aimed at internal hosts when private networks are not allowed', () => {
  let fixture: NotificationFixture;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    fixture = await NotificationFixture.start({
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_DELIVERY_ATTEMPTS: '2',
    });
    receiver = await new WebhookReceiver(SECRET).start();
  });
  afterAll(async () => {
    await receiver?.close();
    await fixture?.stop();
  });

  it('refuses loopback, private, link-local and metadata addresses and internal names at registration, storing nothing', async () => {
    const before = (await fixture.db.query(`SELECT count(*)::int AS n FROM webhooks`))[0].n;
    for (const url of [receiver.url('/x'), 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.8/hook', 'http://[::1]:8080/', 'http://localhost/x', 'http://[::ffff:127.0.0.1]/']) {
      const response: { errors?: { extensions?: { code?: string; field?: unknown } }[] } = await fixture.harness.query(REGISTER, { url, eventTypes: ['complaint.closed'], secret: SECRET }, admin);
      expect([url, response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.field]).toEqual([url, 'BAD_USER_INPUT', 'url']);
    }
    expect((await fixture.db.query(`SELECT count(*)::int AS n FROM webhooks`))[0].n).toBe(before);
  });

  it('does not connect to a registered host whose name now resolves to an internal address; the attempt log says why', async () => {
    // As if a public name had been re-pointed at 127.0.0.1 after registration (DNS rebinding).
    const rebound = receiver.url('/rebound').replace('127.0.0.1', 'localhost');
    const [{ id }] = await fixture.db.query(`INSERT INTO webhooks (id, url, event_types, secret) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`, [rebound, ['complaint.closed'], SECRET]);
    const event = envelope('complaint.closed', fixture.peers.addComplaint().contact.complaintId, { cycle: 0, closedAt: new Date().toISOString(), overridden: false });
    await fixture.publish(event);
    const webhook = await waitFor(async () => {
      const current = (await fixture.harness.query<{ webhook: { deliveries: { status: string; attemptLog: { error: string | null }[] }[] } }>(LOG, { id }, admin)).data!.webhook;
      return current.deliveries[0]?.status === 'FAILED' ? current : undefined;
    }, { description: 'the delivery to fail' });
    expect(webhook.deliveries[0].attemptLog.map((attempt) => attempt.error)).toEqual([expect.stringMatching(/refused: localhost resolves to the internal address/), expect.stringMatching(/refused/)]);
    expect(receiver.on('/rebound')).toHaveLength(0);
  });
});
