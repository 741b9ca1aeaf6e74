import { randomUUID } from 'node:crypto';
import { CUSTOMER_LINK, type CustomerLink, type EventEnvelope } from '@redress/contracts';
import { RpcClient } from '@redress/messaging';
import { anonymous, envelope, staff, waitFor } from '@redress/testing';
import { signLinkToken } from '../src/customer-links/link-token.js';
import { DECIDE, IMPLEMENT, PROPOSE, ResolutionTestKit, codes } from './support/resolution-test-kit.js';

// SPEC §5's signed customer links on the real servers: issued over request/reply for the emails,
// used anonymously through respondToProposal and submitFeedback, once, before they expire.
const RESPOND = `mutation($token: String!, $accept: Boolean!, $optionId: ID, $comment: String) {
  respondToProposal(token: $token, accept: $accept, optionId: $optionId, comment: $comment) { id status chosenOptionId options { id type description amount currency } } }`;
const FEEDBACK = `mutation($token: String!, $rating: Int!, $comment: String) {
  submitFeedback(token: $token, satisfied: true, rating: $rating, comment: $comment) { satisfied rating comment recordedAt } }`;

const agent = staff('AGENT', 'agent-al');
const options = [{ type: 'REFUND', description: 'Refund', amount: 20, currency: 'EUR' }, { type: 'APOLOGY', description: 'Sorry' }];

describe('resolution: signed, expiring, single-use customer links', () => {
  let kit: ResolutionTestKit;
  let rpc: RpcClient;

  beforeAll(async () => {
    kit = await ResolutionTestKit.start();
    rpc = kit.harness.app.get(RpcClient);
  });
  afterAll(() => kit?.stop());

  async function proposal() {
    const state = kit.complaint('INVESTIGATING');
    const answer = await kit.harness.query<{ proposeResolution: { id: string; options: { id: string }[] } }>(PROPOSE, { complaintId: state.complaintId, options }, agent);
    return { state, proposal: answer.data!.proposeResolution };
  }

  const link = (request: object) => rpc.request<CustomerLink>('resolution', CUSTOMER_LINK, request);
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

  it('issues <PUBLIC_URL>/respond?token=… for a proposal, valid for 14 days, and refuses unknown proposals', async () => {
    const { state, proposal: p } = await proposal();
    const issued = await link({ complaintId: state.complaintId, purpose: 'RESPOND', proposalId: p.id });
    expect(issued.url.startsWith(`${kit.harness.env.config.publicUrl}/respond?token=`)).toBe(true);
    expect(issued.url.split('token=')[1]).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(14 * 86_400_000 - 60_000);
    await expect(link({ complaintId: state.complaintId, purpose: 'RESPOND', proposalId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(link({ complaintId: state.complaintId, purpose: 'RESPOND' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(link({ complaintId: randomUUID(), purpose: 'FEEDBACK' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets the customer accept through the link once, showing them only what SPEC §2 allows', async () => {
    const { state, proposal: p } = await proposal();
    const token = tokenOf((await link({ complaintId: state.complaintId, purpose: 'RESPOND', proposalId: p.id })).url);
    const badOption = await kit.harness.query(RESPOND, { token, accept: true, optionId: randomUUID() }, anonymous);
    expect(codes(badOption)).toEqual(['BAD_USER_INPUT']);
    const answer = await kit.harness.query<{ respondToProposal: Record<string, unknown> }>(RESPOND, { token, accept: true, optionId: p.options[1].id, comment: 'Fine' }, anonymous);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.respondToProposal).toMatchObject({ id: p.id, status: 'ACCEPTED', chosenOptionId: p.options[1].id, options: [{ type: 'REFUND' }, { type: 'APOLOGY' }] });
    const [accepted] = await kit.outbox('resolution.accepted', state.complaintId);
    expect(accepted).toMatchObject({ actor: null, data: { proposalId: p.id, optionId: p.options[1].id, decidedBy: 'CUSTOMER' } });

    expect(codes(await kit.harness.query(RESPOND, { token, accept: false }, anonymous))).toEqual(['UNAUTHENTICATED']);
    const other = await proposal();
    const peek = await kit.harness.query(`mutation($token: String!) { respondToProposal(token: $token, accept: false) { id status message complaintId } }`, {
      token: tokenOf((await link({ complaintId: other.state.complaintId, purpose: 'RESPOND', proposalId: other.proposal.id })).url),
    }, anonymous);
    expect(codes(peek)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(peek)).not.toContain(other.state.complaintId);
  });

  it('refuses a tampered, expired or foreign token, and answers CONFLICT once staff recorded the decision', async () => {
    const { state, proposal: p } = await proposal();
    const token = tokenOf((await link({ complaintId: state.complaintId, purpose: 'RESPOND', proposalId: p.id })).url);
    const secret = kit.harness.env.config.linkSecret;
    const expired = await signLinkToken({ purpose: 'RESPOND', complaintId: state.complaintId, proposalId: p.id }, secret, new Date(Date.now() - 15 * 86_400_000));
    const foreign = await signLinkToken({ purpose: 'RESPOND', complaintId: state.complaintId, proposalId: p.id }, 'someone-elses-secret-32-bytes-long!!');
    const survey = await signLinkToken({ purpose: 'FEEDBACK', complaintId: state.complaintId, cycle: 0 }, secret);
    for (const bad of [`${token.slice(0, -3)}abc`, expired.token, foreign.token, survey.token, 'nonsense']) {
      expect(codes(await kit.harness.query(RESPOND, { token: bad, accept: true, optionId: p.options[0].id }, anonymous))).toEqual(['UNAUTHENTICATED']);
    }
    await kit.harness.query(DECIDE, { id: p.id, accept: false }, agent);
    expect(codes(await kit.harness.query(RESPOND, { token, accept: true, optionId: p.options[0].id }, anonymous))).toEqual(['CONFLICT']);
  });

  it('takes the survey answer through the feedback link once per cycle, and not for an earlier cycle', async () => {
    const { state, proposal: p } = await proposal();
    await kit.harness.query(DECIDE, { id: p.id, accept: true, optionId: p.options[0].id }, agent);
    const early = tokenOf((await link({ complaintId: state.complaintId, purpose: 'FEEDBACK' })).url);
    expect(codes(await kit.harness.query(FEEDBACK, { token: early, rating: 5 }, anonymous))).toEqual(['CONFLICT']);
    await kit.harness.query(IMPLEMENT, { id: p.id }, agent);

    const issued = await link({ complaintId: state.complaintId, purpose: 'FEEDBACK', cycle: 0 });
    expect(issued.url.startsWith(`${kit.harness.env.config.publicUrl}/feedback?token=`)).toBe(true);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(30 * 86_400_000 - 60_000);
    const answer = await kit.harness.query<{ submitFeedback: unknown }>(FEEDBACK, { token: tokenOf(issued.url), rating: 4, comment: 'Good' }, anonymous);
    expect(answer.data?.submitFeedback).toMatchObject({ satisfied: true, rating: 4, comment: 'Good' });
    const [recorded] = await kit.outbox<EventEnvelope<'followup.recorded'>>('followup.recorded', state.complaintId);
    expect(recorded).toMatchObject({ actor: null, data: { cycle: 0, rating: 4, via: 'SURVEY' } });
    expect(codes(await kit.harness.query(FEEDBACK, { token: tokenOf(issued.url), rating: 1 }, anonymous))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await kit.harness.query(FEEDBACK, { token: early, rating: 1 }, anonymous))).toEqual(['CONFLICT']);
    expect(codes(await kit.harness.query(FEEDBACK, { token: early, rating: 9 }, anonymous))).toEqual(['BAD_USER_INPUT']);

    await kit.harness.publish(envelope('complaint.reopened', state.complaintId, { cycle: 1 }, { reference: state.reference }));
    Object.assign(kit.states.get(state.complaintId)!, { status: 'REOPENED', cycle: 1 });
    await waitFor(async () => (await kit.db.query('SELECT cycle FROM complaints WHERE id = $1', [state.complaintId]))[0].cycle === 1);
    const stale = await signLinkToken({ purpose: 'FEEDBACK', complaintId: state.complaintId, cycle: 0 }, kit.harness.env.config.linkSecret);
    expect(codes(await kit.harness.query(FEEDBACK, { token: stale.token, rating: 3 }, anonymous))).toEqual(['CONFLICT']);
  });
});
