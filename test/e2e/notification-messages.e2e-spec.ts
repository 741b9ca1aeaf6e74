import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { waitFor } from '@redress/testing';
import { e2eEnv } from './support/e2e-environment.js';
import { graphql, staffToken, type GraphqlResponse } from './support/graphql-client.js';
import { receivedEmails } from './support/mailbox.js';
import { startSystem, stopSystem } from './support/system.js';

// Every message the customer and staff should get, exactly once, through the real system; and a
// department's webhook that verifies signatures and sees a retry after answering 500.
const MANAGERS = ['duty.manager@example.com', 'head.of.care@example.com'];
const INVESTIGATOR = { id: 'inv-notify', name: 'Alan Turing', email: 'alan.turing@example.com', categories: ['DELIVERY'], capacity: 5 };
const WEBHOOK_SECRET = 'whsec-e2e-quality-0123456789';

const OPS = {
  submit: `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id reference } }`,
  assess: `mutation($id: ID!, $category: Category!, $severity: Severity!) { assessComplaint(id: $id, input: { category: $category, severity: $severity, impact: $severity, urgency: $severity }) { id } }`,
  escalate: `mutation($id: ID!) { escalateComplaint(id: $id, reason: "Customer called three times") { id } }`,
  upsertInvestigator: `mutation($input: InvestigatorInput!) { upsertInvestigator(input: $input) { id } }`,
  start: `mutation($id: ID!, $assigneeId: ID) { startInvestigation(complaintId: $id, assigneeId: $assigneeId) { id assigneeId } }`,
  propose: `mutation($id: ID!) { proposeResolution(complaintId: $id, options: [{ type: REFUND, description: "Refund of the delivery fee", amount: 12.5, currency: "EUR" }]) { id options { id } } }`,
  decide: `mutation($id: ID!, $optionId: ID) { recordCustomerDecision(proposalId: $id, accept: true, optionId: $optionId) { status } }`,
  implement: `mutation($id: ID!) { markResolutionImplemented(proposalId: $id, notes: "Refunded") { id } }`,
  followUp: `mutation($id: ID!) { recordFollowUp(complaintId: $id, satisfied: true, rating: 5) { rating } }`,
  close: `mutation($id: ID!) { closeComplaint(complaintId: $id, summary: "Fee refunded") { id } }`,
  status: `query($id: ID!) { complaint(id: $id) { status notifications { kind status recipient attempts subject } } }`,
  preferences: `mutation($token: String!) { updateNotificationPreferences(token: $token, surveys: false) { surveys } }`,
  preview: `query($id: ID!) { previewNotification(kind: CLOSURE, complaintId: $id) { subject text } }`,
  registerWebhook: `mutation($url: String!, $secret: String!) { registerWebhook(url: $url, eventTypes: ["complaint.acknowledged"], secret: $secret) { id active } }`,
  webhookLog: `query($id: ID!) { webhook(id: $id) { deliveries { eventType status attempts attemptLog { statusCode } } } }`,
};

let agent: string;
let manager: string;
let admin: string;

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response: GraphqlResponse<T> = await graphql<T>(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}
const emailsTo = (address: string, subject?: RegExp) => receivedEmails().filter((e) => e.to.includes(address) && (!subject || subject.test(e.subject)));
async function arrives(address: string, subject: RegExp) {
  const [email] = await waitFor(() => { const found = emailsTo(address, subject); return found.length ? found : undefined; }, { timeoutMs: 30_000, description: `${subject} to ${address}` });
  return email;
}
async function statusIs(id: string, status: string) {
  await waitFor(async () => (await ok<{ complaint: { status: string } }>(OPS.status, { id }, manager)).complaint.status === status, { timeoutMs: 20_000, description: `status ${status}` });
}
async function submit(email: string, extra: Record<string, unknown> = {}, token?: string) {
  const input = { channel: token ? 'PHONE' : 'WEB', customer: { name: 'Dorothy Vaughan', email }, subject: 'Parcel left in the rain', description: 'The parcel was soaked.', ...extra };
  return (await ok<{ submitComplaint: { id: string; reference: string } }>(OPS.submit, { input }, token)).submitComplaint;
}

beforeAll(() => startSystem({
  MANAGER_EMAIL: MANAGERS.join(','), FOLLOW_UP_DELAY_HOURS: '0.001',
  SLA_RESOLUTION_HOURS: 'CRITICAL=48,HIGH=120,MEDIUM=240,LOW=0.003', // a LOW complaint is at risk after ~9 s, breached after ~11 s
  WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_RETRY_MAX_MS: '1000',
}), 150_000);
afterAll(stopSystem, 30_000);
beforeAll(async () => {
  [agent, manager, admin] = await Promise.all([staffToken(['AGENT']), staffToken(['MANAGER']), staffToken(['ADMIN'])]);
});

describe('a complaint\'s whole life, as messages', () => {
  it('sends each kind once, on its event, to the right person, with the right content', async () => {
    const customer = `dorothy.${Date.now()}@example.com`;
    const { id, reference } = await submit(customer);
    expect((await arrives(customer, /We have received your complaint/)).body).toContain('Dear Dorothy,');

    await ok(OPS.assess, { id, category: 'DELIVERY', severity: 'HIGH' }, agent);
    expect((await arrives(customer, /looked at it in detail/)).body).toContain('delivery matters');

    await ok(OPS.escalate, { id }, agent);
    for (const m of MANAGERS) expect((await arrives(m, new RegExp(`Escalated: complaint ${reference}`))).body).toContain('by a member of staff');

    await ok(OPS.upsertInvestigator, { input: INVESTIGATOR }, manager);
    await ok(OPS.start, { id, assigneeId: INVESTIGATOR.id }, agent);
    const assignment = await arrives(INVESTIGATOR.email, new RegExp(`Assigned to you: complaint ${reference}`));
    expect(assignment.body).toContain('Hello Alan,');
    expect(assignment.body).not.toContain('Dorothy');

    const { proposeResolution } = await ok<{ proposeResolution: { id: string; options: { id: string }[] } }>(OPS.propose, { id }, agent);
    const proposal = await arrives(customer, /how we propose to put things right/);
    expect(proposal.body).toContain('A refund of €12.50');
    expect(proposal.body).toContain(`${e2eEnv.PUBLIC_URL}/respond?token=`);

    await ok(OPS.decide, { id: proposeResolution.id, optionId: proposeResolution.options[0].id }, agent);
    await statusIs(id, 'RESOLUTION_ACCEPTED');
    await ok(OPS.implement, { id: proposeResolution.id }, agent);
    expect((await arrives(customer, /done what we agreed/)).body).toContain('  - A refund of €12.50\n');
    expect((await arrives(customer, /How did we do\?/)).body).toContain(`${e2eEnv.PUBLIC_URL}/feedback?token=`);

    await ok(OPS.followUp, { id }, agent);
    await statusIs(id, 'FOLLOWED_UP');
    await ok(OPS.close, { id }, agent);
    await arrives(customer, /is now closed/);

    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(emailsTo(customer).map((e) => e.subject.replace(reference, 'REF')).sort()).toEqual([
      'How did we do? Your complaint REF', 'We have received your complaint (REF)', 'Your complaint REF is now closed',
      'Your complaint REF: how we propose to put things right', 'Your complaint REF: we have done what we agreed', 'Your complaint REF: we have looked at it in detail',
    ]);
    expect(emailsTo(INVESTIGATOR.email, new RegExp(reference))).toHaveLength(1);
    for (const m of MANAGERS) expect(emailsTo(m, new RegExp(reference))).toHaveLength(1);
    const { complaint } = await ok<{ complaint: { notifications: { kind: string; status: string }[] } }>(OPS.status, { id }, manager);
    expect(complaint.notifications.map((n) => `${n.kind}:${n.status}`)).toEqual([
      'ACKNOWLEDGEMENT:SENT', 'ASSESSMENT:SENT', 'ESCALATION:SENT', 'ESCALATION:SENT', 'ASSIGNMENT:SENT',
      'RESOLUTION_PROPOSED:SENT', 'RESOLUTION_IMPLEMENTED:SENT', 'FOLLOW_UP_SURVEY:SENT', 'CLOSURE:SENT',
    ]);
  });

  it('warns managers once when a deadline is at risk and once when it is missed (its automatic escalation adds no third email)', async () => {
    const { id, reference } = await submit(`late.${Date.now()}@example.com`, { severity: 'LOW' }, agent);
    for (const m of MANAGERS) {
      expect((await arrives(m, new RegExp(`At risk: resolution deadline of complaint ${reference}`))).body).toContain('escalated automatically');
      await arrives(m, new RegExp(`Missed: resolution deadline of complaint ${reference}`));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const m of MANAGERS) expect(emailsTo(m, new RegExp(reference)).map((e) => e.subject.split(':')[0]).sort()).toEqual(['At risk', 'Missed']);
    const { complaint } = await ok<{ complaint: { notifications: { kind: string }[] } }>(OPS.status, { id }, manager);
    expect(complaint.notifications.map((n) => n.kind).sort()).toEqual(['ACKNOWLEDGEMENT', 'SLA_AT_RISK', 'SLA_AT_RISK', 'SLA_BREACH', 'SLA_BREACH']);
  });

  it('asks the managers to assign someone when no investigator could take the case', async () => {
    const { id, reference } = await submit(`privacy.${Date.now()}@example.com`);
    await ok(OPS.assess, { id, category: 'PRIVACY', severity: 'MEDIUM' }, agent);
    const { startInvestigation } = await ok<{ startInvestigation: { assigneeId: string | null } }>(OPS.start, { id }, agent);
    expect(startInvestigation.assigneeId).toBeNull();
    for (const m of MANAGERS) expect((await arrives(m, new RegExp(`Needs an investigator: complaint ${reference}`))).body).toContain('not assigned to anyone');
  });
});

describe('the customer\'s preferences', () => {
  it('stops the survey when the customer opts out through the link in their email, but not the messages about their complaint', async () => {
    const customer = `optout.${Date.now()}@example.com`;
    const { id } = await submit(customer);
    const token = /preferences\?token=([A-Za-z0-9._~-]+)/.exec((await arrives(customer, /We have received/)).body)![1];
    expect(await ok(OPS.preferences, { token })).toEqual({ updateNotificationPreferences: { surveys: false } });
    const { proposeResolution } = await ok<{ proposeResolution: { id: string; options: { id: string }[] } }>(OPS.propose, { id }, agent);
    await ok(OPS.decide, { id: proposeResolution.id, optionId: proposeResolution.options[0].id }, agent);
    await statusIs(id, 'RESOLUTION_ACCEPTED');
    await ok(OPS.implement, { id: proposeResolution.id }, agent);
    await arrives(customer, /done what we agreed/);
    await new Promise((resolve) => setTimeout(resolve, 8000)); // the survey would be due after 3.6 s
    expect(emailsTo(customer, /How did we do/)).toHaveLength(0);
    await ok(OPS.followUp, { id }, agent);
    await statusIs(id, 'FOLLOWED_UP');
    await ok(OPS.close, { id }, agent);
    await arrives(customer, /is now closed/);
    const preview = await ok<{ previewNotification: { subject: string; text: string } }>(OPS.preview, { id }, agent);
    expect(preview.previewNotification.text).toMatch(/^Dear Dorothy,/);
  });
});

describe('a webhook for a system that cannot bind to RabbitMQ', () => {
  it('is signed so the receiver can verify it, and retried after the receiver answers 500', async () => {
    const received: { headers: IncomingHttpHeaders; body: string; valid: boolean; answered: number }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        // The receiver's side, as docs/notifications.md describes it.
        const timestamp = String(request.headers['x-redress-timestamp']);
        const expected = `v1=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
        const given = String(request.headers['x-redress-signature']);
        const valid = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected)) && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
        const answered = received.length === 0 ? 500 : 200;
        received.push({ headers: request.headers, body, valid, answered });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/complaints`;
      const { registerWebhook } = await ok<{ registerWebhook: { id: string; active: boolean } }>(OPS.registerWebhook, { url, secret: WEBHOOK_SECRET }, admin);
      const refused = await graphql(OPS.registerWebhook, { url, secret: WEBHOOK_SECRET }, manager);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const { id } = await submit(`hook.${Date.now()}@example.com`);
      await waitFor(() => received.some((r) => r.answered === 200), { timeoutMs: 30_000, description: 'the retried webhook post' });
      expect(received.map((r) => r.answered)).toEqual([500, 200]);
      expect(received.every((r) => r.valid)).toBe(true);
      const event = JSON.parse(received[1].body);
      expect(event).toMatchObject({ type: 'complaint.acknowledged', complaintId: id, data: { cycle: 0, withinSla: true } });
      expect(received[1].body).toBe(received[0].body);
      expect(received[1].body).not.toContain('hook.');
      const log = await waitFor(async () => {
        const { webhook } = await ok<{ webhook: { deliveries: { status: string; attempts: number; attemptLog: { statusCode: number }[] }[] } }>(OPS.webhookLog, { id: registerWebhook.id }, admin);
        return webhook.deliveries[0]?.status === 'SENT' ? webhook.deliveries : undefined;
      });
      expect(log).toEqual([expect.objectContaining({ eventType: 'complaint.acknowledged', attempts: 2, attemptLog: [{ statusCode: 500 }, { statusCode: 200 }] })]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
