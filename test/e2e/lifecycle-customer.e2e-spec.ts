import { waitFor } from '@redress/testing';
import { EventTap } from './support/event-tap.js';
import { errorCodes, graphql, staffToken } from './support/graphql-client.js';
import { OPS, REMEDIES, ok, statusBecomes, submitted } from './support/lifecycle.js';
import { receivedEmails, type ReceivedEmail } from './support/mailbox.js';
import { startSystem, stopSystem } from './support/system.js';
import { e2eEnv } from './support/e2e-environment.js';

// SPEC §1 steps 5–8 as the customer lives them: the proposal and the survey arrive by email (captured by
// the test SMTP server) with signed links; the customer answers through them without signing in.
const SURVEY_DELAY_HOURS = 0.001; // 3.6 s after implementation
const tap = new EventTap();
let agent: string;
let manager: string;

beforeAll(() => startSystem({ FOLLOW_UP_DELAY_HOURS: String(SURVEY_DELAY_HOURS) }), 150_000);
afterAll(stopSystem, 30_000);
beforeAll(async () => {
  await tap.start();
  [agent, manager] = await Promise.all([staffToken(['AGENT'], 'agent-e2e'), staffToken(['MANAGER'], 'manager-e2e')]);
});
afterAll(() => tap.stop());

/** The link of `path` (`respond` or `feedback`) in the one email to `email` that carries it. */
async function linkInEmail(email: string, path: 'respond' | 'feedback'): Promise<{ mail: ReceivedEmail; token: string }> {
  const pattern = new RegExp(`${e2eEnv.PUBLIC_URL!.replace(/[.:/]/g, '\\$&')}/${path}\\?token=([A-Za-z0-9._~-]+)`);
  const mails = await waitFor(() => {
    const found = receivedEmails().filter((m) => m.to.includes(email) && pattern.test(m.body));
    return found.length ? found : undefined;
  }, { timeoutMs: 30_000, description: `an email to ${email} with a /${path} link` });
  expect(mails).toHaveLength(1);
  return { mail: mails[0], token: pattern.exec(mails[0].body)![1] };
}

describe('the customer decides and gives feedback through the links in their emails', () => {
  let complaint: { id: string; reference: string; email: string };
  let proposal: { id: string; options: { id: string; type: string }[] };

  beforeAll(async () => {
    complaint = await submitted(`ada.${Date.now()}@example.com`);
    await statusBecomes(complaint.id, 'ACKNOWLEDGED', agent);
  });

  it('gets the proposal by email and accepts one option through its link, without signing in', async () => {
    proposal = (await ok(OPS.propose, { id: complaint.id, options: REMEDIES }, agent)).proposeResolution;
    await statusBecomes(complaint.id, 'RESOLUTION_PROPOSED', agent);
    const { mail, token } = await linkInEmail(complaint.email, 'respond');
    expect(mail.body).toContain(complaint.reference);
    const answer = await ok(OPS.respond, { token, accept: true, optionId: proposal.options[0].id, comment: 'Thank you' });
    expect(answer.respondToProposal).toEqual({
      id: proposal.id, status: 'ACCEPTED', chosenOptionId: proposal.options[0].id,
      options: [{ id: proposal.options[0].id, type: 'REFUND', amount: 49.9, currency: 'EUR' }, { id: proposal.options[1].id, type: 'APOLOGY', amount: null, currency: null }],
    });
    await statusBecomes(complaint.id, 'RESOLUTION_ACCEPTED', agent);
    const [accepted] = tap.of('resolution.accepted', complaint.id);
    expect(accepted.envelope).toMatchObject({ actor: null, data: { decidedBy: 'CUSTOMER', optionId: proposal.options[0].id, cycle: 0 } });
  });

  it('refuses the link a second time, tampered with, or for anything but the customer\'s own proposal fields', async () => {
    const { token } = await linkInEmail(complaint.email, 'respond');
    expect(errorCodes(await graphql(OPS.respond, { token, accept: false }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await graphql(OPS.respond, { token: `${token.slice(0, -4)}AAAA`, accept: false }))).toEqual(['UNAUTHENTICATED']);
    const peek = await graphql(`mutation($token: String!) { respondToProposal(token: $token, accept: false) { id message } }`, { token });
    expect(errorCodes(peek)).toEqual(['UNAUTHENTICATED']);
  });

  it('gets the survey by email FOLLOW_UP_DELAY_HOURS after the remedy was carried out, and answers it once through its link', async () => {
    await ok(OPS.implement, { id: proposal.id }, agent);
    await statusBecomes(complaint.id, 'RESOLVED', agent);
    const implementedAt = Date.now();
    const { token } = await linkInEmail(complaint.email, 'feedback');
    const [requested] = tap.of('followup.requested', complaint.id);
    expect(requested.envelope).toMatchObject({ actor: null, data: { cycle: 0 } });
    expect(Date.parse(requested.envelope.occurredAt)).toBeGreaterThanOrEqual(implementedAt - 1000 + SURVEY_DELAY_HOURS * 3_600_000 - 1000);

    const answer = await ok(OPS.feedback, { token, satisfied: true, rating: 4, comment: 'Refund arrived' });
    expect(answer.submitFeedback).toMatchObject({ satisfied: true, rating: 4, comment: 'Refund arrived' });
    await statusBecomes(complaint.id, 'FOLLOWED_UP', agent);
    expect(errorCodes(await graphql(OPS.feedback, { token, satisfied: false, rating: 1 }))).toEqual(['UNAUTHENTICATED']);
    expect(tap.of('followup.recorded', complaint.id)[0].envelope).toMatchObject({ actor: null, data: { via: 'SURVEY', rating: 4, satisfied: true } });
  });

  it('is closed by staff, and the story shows the customer\'s answers and the emails that carried the links', async () => {
    await ok(OPS.close, { id: complaint.id }, agent);
    await statusBecomes(complaint.id, 'CLOSED', agent);
    const tracking = await ok(`query($r: String!, $e: String!) { trackComplaint(reference: $r, email: $e) { status } }`, { r: complaint.reference, e: complaint.email });
    expect(tracking.trackComplaint).toEqual({ status: 'CLOSED' });
    const story = await waitFor(async () => {
      const { complaint: c } = await ok<{ complaint: Record<string, any> }>(OPS.story, { id: complaint.id }, manager);
      return c.timeline.some((e: { type: string }) => e.type === 'complaint.closed') ? c : undefined;
    }, { timeoutMs: 20_000 });
    expect(story).toMatchObject({
      status: 'CLOSED', investigation: null, followUp: { satisfied: true, rating: 4, comment: 'Refund arrived' },
      proposals: [{ status: 'ACCEPTED', chosenOptionId: proposal.options[0].id }], lessonsLearned: 'Make payment retries idempotent',
    });
    expect(story.notifications.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['ACKNOWLEDGEMENT', 'RESOLUTION_PROPOSED', 'FOLLOW_UP_SURVEY']));
    const types = story.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['resolution.proposed', 'resolution.accepted', 'resolution.implemented', 'followup.requested', 'followup.recorded', 'complaint.closed']));
    const byCustomer = story.timeline.filter((e: { type: string }) => ['resolution.accepted', 'followup.recorded'].includes(e.type));
    expect(byCustomer.map((e: { actorId: string | null }) => e.actorId)).toEqual([null, null]);
  });
});
