import { randomUUID } from 'node:crypto';
import { customerDataPattern, type CustomerData, type EventEnvelope } from '@redress/contracts';
import { RpcClient } from '@redress/messaging';
import { envelope, staff, waitFor } from '@redress/testing';
import { CLOSE, DECIDE, FOLLOW_UP, IMPLEMENT, PROPOSE, ResolutionTestKit, codes, firstMessage } from './support/resolution-test-kit.js';

// Resolution's staff path to CLOSED on the real PostgreSQL and RabbitMQ, with SPEC §5's state rules.
interface Proposal { id: string; status: string; options: { id: string; type: string }[] }

const agent = staff('AGENT', 'agent-al');
const manager = staff('MANAGER', 'manager-mia');
const refund = { type: 'REFUND', description: 'Refund of the second charge', amount: 49.9, currency: 'EUR' };
const apology = { type: 'APOLOGY', description: 'A written apology' };

describe('resolution: propose, decide, implement, follow up and close (staff)', () => {
  let kit: ResolutionTestKit;

  beforeAll(async () => {
    kit = await ResolutionTestKit.start();
  });
  afterAll(() => kit?.stop());

  async function ok<T>(query: string, variables: object, identity = agent): Promise<T> {
    const answer = await kit.harness.query<T>(query, variables, identity);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  }

  const propose = async (complaintId: string, options: object[] = [refund, apology]) =>
    (await ok<{ proposeResolution: Proposal }>(PROPOSE, { complaintId, options, message: 'We are sorry' })).proposeResolution;

  /** A complaint taken up to RESOLVED through resolution's own mutations (intake's status lagging behind, as it may). */
  async function resolved(status = 'INVESTIGATING') {
    const state = kit.complaint(status);
    const proposal = await propose(state.complaintId);
    await ok(DECIDE, { id: proposal.id, accept: true, optionId: proposal.options[0].id });
    await ok(IMPLEMENT, { id: proposal.id, notes: 'Refund sent' });
    return { state, proposal };
  }

  it('proposes options right after submission and announces ids, types and amounts only', async () => {
    const state = kit.complaint('ACKNOWLEDGED');
    const proposal = await propose(state.complaintId);
    expect(proposal).toMatchObject({
      complaintId: state.complaintId, status: 'PROPOSED', message: 'We are sorry',
      options: [{ type: 'REFUND', description: 'Refund of the second charge', amount: 49.9, currency: 'EUR' }, { type: 'APOLOGY', amount: null, currency: null }],
    });
    const [proposed] = await kit.outbox<EventEnvelope<'resolution.proposed'>>('resolution.proposed', state.complaintId);
    expect(proposed).toMatchObject({ reference: state.reference, actor: { id: 'agent-al', role: 'AGENT' }, data: { cycle: 0, proposalId: proposal.id } });
    expect(proposed.data.options).toEqual([
      { id: proposal.options[0].id, type: 'REFUND', amount: 49.9, currency: 'EUR' },
      { id: proposal.options[1].id, type: 'APOLOGY', amount: null, currency: null },
    ]);
    expect(JSON.stringify(proposed)).not.toMatch(/sorry|second charge|written apology/i);
  });

  it('answers CONFLICT for a second pending proposal or a status SPEC §5 does not allow; NOT_FOUND and BAD_USER_INPUT write nothing', async () => {
    const state = kit.complaint('ASSESSED');
    await propose(state.complaintId);
    expect(codes(await kit.harness.query(PROPOSE, { complaintId: state.complaintId, options: [apology] }, agent))).toEqual(['CONFLICT']);
    for (const status of ['RESOLUTION_ACCEPTED', 'RESOLVED', 'FOLLOWED_UP', 'CLOSED']) {
      expect(codes(await kit.harness.query(PROPOSE, { complaintId: kit.complaint(status).complaintId, options: [apology] }, agent))).toEqual(['CONFLICT']);
    }
    expect(codes(await kit.harness.query(PROPOSE, { complaintId: randomUUID(), options: [apology] }, agent))).toEqual(['NOT_FOUND']);
    const fresh = kit.complaint('ASSESSED');
    const bad = await kit.harness.query(PROPOSE, { complaintId: fresh.complaintId, options: [{ ...refund, currency: null }] }, agent);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(bad)).toContain('options[0].currency');
    expect(codes(await kit.harness.query(PROPOSE, { complaintId: fresh.complaintId, options: [] }, agent))).toEqual(['BAD_USER_INPUT']);
    expect(await kit.db.query('SELECT 1 FROM proposals WHERE complaint_id = $1', [fresh.complaintId])).toEqual([]);
    expect(codes(await kit.harness.query(PROPOSE, { complaintId: fresh.complaintId, options: [apology] }, staff('INVESTIGATOR')))).toEqual(['FORBIDDEN']);
  });

  it('records the customer\'s decision once; a rejection lets a new proposal follow at once', async () => {
    const state = kit.complaint('INVESTIGATING');
    const first = await propose(state.complaintId);
    const noOption = await kit.harness.query(DECIDE, { id: first.id, accept: true }, agent);
    expect(firstMessage(noOption)).toContain('optionId');
    expect(codes(await kit.harness.query(DECIDE, { id: first.id, accept: true, optionId: randomUUID() }, agent))).toEqual(['BAD_USER_INPUT']);
    const rejected = await ok<{ recordCustomerDecision: { status: string; chosenOptionId: string | null } }>(DECIDE, { id: first.id, accept: false, comment: 'Not enough' });
    expect(rejected.recordCustomerDecision).toMatchObject({ status: 'REJECTED', chosenOptionId: null });
    expect(codes(await kit.harness.query(DECIDE, { id: first.id, accept: true, optionId: first.options[0].id }, agent))).toEqual(['CONFLICT']);
    const [event] = await kit.outbox('resolution.rejected', state.complaintId);
    expect(event).toMatchObject({ actor: { id: 'agent-al', role: 'AGENT' }, data: { cycle: 0, proposalId: first.id, optionId: null, decidedBy: 'STAFF' } });
    expect(JSON.stringify(event)).not.toContain('Not enough');

    kit.states.get(state.complaintId)!.status = 'RESOLUTION_PROPOSED'; // intake has not applied the rejection yet
    const second = await propose(state.complaintId, [{ ...refund, amount: 80 }]);
    const accepted = await ok<{ recordCustomerDecision: { status: string; chosenOptionId: string } }>(DECIDE, { id: second.id, accept: true }, manager);
    expect(accepted.recordCustomerDecision).toMatchObject({ status: 'ACCEPTED', chosenOptionId: second.options[0].id });
    const [acceptedEvent] = await kit.outbox('resolution.accepted', state.complaintId);
    expect(acceptedEvent).toMatchObject({ actor: { id: 'manager-mia', role: 'MANAGER' }, data: { proposalId: second.id, optionId: second.options[0].id, decidedBy: 'STAFF' } });
    expect(codes(await kit.harness.query(DECIDE, { id: randomUUID(), accept: false }, agent))).toEqual(['NOT_FOUND']);
  });

  it('implements an accepted proposal once, announcing the chosen remedy', async () => {
    const { state, proposal } = await resolved();
    const [implemented] = await kit.outbox('resolution.implemented', state.complaintId);
    expect(implemented.data).toEqual({ cycle: 0, proposalId: proposal.id, optionId: proposal.options[0].id, type: 'REFUND', amount: 49.9, currency: 'EUR' });
    expect(codes(await kit.harness.query(IMPLEMENT, { id: proposal.id }, agent))).toEqual(['CONFLICT']);
    const pending = await propose(kit.complaint('ASSESSED').complaintId);
    expect(codes(await kit.harness.query(IMPLEMENT, { id: pending.id }, agent))).toEqual(['CONFLICT']);
  });

  it('records a follow-up once per cycle, only once the resolution is implemented', async () => {
    const early = kit.complaint('RESOLUTION_ACCEPTED');
    expect(codes(await kit.harness.query(FOLLOW_UP, { id: early.complaintId, satisfied: true, rating: 5 }, agent))).toEqual(['CONFLICT']);
    const { state } = await resolved();
    expect(firstMessage(await kit.harness.query(FOLLOW_UP, { id: state.complaintId, satisfied: true, rating: 6 }, agent))).toContain('rating');
    const followUp = await ok<{ recordFollowUp: unknown }>(FOLLOW_UP, { id: state.complaintId, satisfied: true, rating: 4, comment: 'Quick, thanks' });
    expect(followUp.recordFollowUp).toMatchObject({ satisfied: true, rating: 4, comment: 'Quick, thanks' });
    expect(codes(await kit.harness.query(FOLLOW_UP, { id: state.complaintId, satisfied: false, rating: 1 }, agent))).toEqual(['CONFLICT']);
    const [recorded] = await kit.outbox('followup.recorded', state.complaintId);
    expect(recorded).toMatchObject({ actor: { id: 'agent-al', role: 'AGENT' }, data: { cycle: 0, satisfied: true, rating: 4, via: 'STAFF' } });
  });

  it('closes after the follow-up with a summary and lessons learned, or earlier only with a manager\'s override', async () => {
    const { state } = await resolved();
    expect(codes(await kit.harness.query(CLOSE, { id: state.complaintId, summary: 'Refunded' }, agent))).toEqual(['CONFLICT']);
    expect(codes(await kit.harness.query(CLOSE, { id: state.complaintId, summary: 'Refunded', override: 'Customer unreachable' }, agent))).toEqual(['FORBIDDEN']);
    const closed = await ok<{ closeComplaint: Record<string, unknown> }>(CLOSE, { id: state.complaintId, summary: 'Refunded', lessons: 'Check retries', override: 'Customer unreachable' }, manager);
    expect(closed.closeComplaint).toEqual({ id: state.complaintId, lessonsLearned: 'Check retries', resolutionSummary: 'Refunded', followUp: null });
    const [event] = await kit.outbox<EventEnvelope<'complaint.closed'>>('complaint.closed', state.complaintId);
    expect(event).toMatchObject({ actor: { id: 'manager-mia', role: 'MANAGER' }, data: { cycle: 0, overridden: true } });
    expect(codes(await kit.harness.query(CLOSE, { id: state.complaintId, summary: 'Again', override: 'x' }, manager))).toEqual(['CONFLICT']);

    const followed = await resolved();
    await ok(FOLLOW_UP, { id: followed.state.complaintId, satisfied: true, rating: 5 });
    expect(firstMessage(await kit.harness.query(CLOSE, { id: followed.state.complaintId, summary: '  ' }, agent))).toContain('summary');
    await ok(CLOSE, { id: followed.state.complaintId, summary: 'Refunded, customer happy' });
    const [normal] = await kit.outbox<EventEnvelope<'complaint.closed'>>('complaint.closed', followed.state.complaintId);
    expect(normal.data.overridden).toBe(false);
  });

  it('starts over after a reopen: the new cycle gets its own proposal, follow-up and closure', async () => {
    const { state } = await resolved();
    await ok(FOLLOW_UP, { id: state.complaintId, satisfied: false, rating: 2 });
    await ok(CLOSE, { id: state.complaintId, summary: 'Refunded' });
    await kit.harness.publish(envelope('complaint.reopened', state.complaintId, { cycle: 1 }, { reference: state.reference }));
    await waitFor(async () => (await kit.db.query('SELECT cycle FROM complaints WHERE id = $1', [state.complaintId]))[0].cycle === 1, { description: 'the new cycle' });
    Object.assign(kit.states.get(state.complaintId)!, { status: 'REOPENED', cycle: 1 });
    const again = await propose(state.complaintId, [apology]);
    await ok(DECIDE, { id: again.id, accept: true });
    await ok(IMPLEMENT, { id: again.id });
    await ok(FOLLOW_UP, { id: state.complaintId, satisfied: true, rating: 5 });
    const closed = await ok<{ closeComplaint: { lessonsLearned: string; followUp: { rating: number } } }>(CLOSE, { id: state.complaintId, summary: 'Apologised', lessons: 'Listen first' });
    expect(closed.closeComplaint).toMatchObject({ lessonsLearned: 'Listen first', followUp: { rating: 5 } });
    const cycles = async (type: string) => (await kit.outbox<EventEnvelope<'complaint.closed'>>(type, state.complaintId)).map((e) => e.data.cycle);
    expect(await cycles('resolution.proposed')).toEqual([0, 1]);
    expect(await cycles('complaint.closed')).toEqual([0, 1]);
  });

  it('erases what the customer wrote when the customer is erased, and exports what it holds about them', async () => {
    const state = kit.complaint('ASSESSED');
    await kit.harness.publish(envelope('complaint.received', state.complaintId, {
      cycle: 0, channel: 'WEB', customerId: state.customerId, receivedAt: state.receivedAt, acknowledgementDueAt: state.receivedAt, resolutionDueAt: state.resolutionDueAt,
    }, { reference: state.reference }));
    const proposal = await propose(state.complaintId);
    await ok(DECIDE, { id: proposal.id, accept: true, optionId: proposal.options[1].id, comment: 'My neighbour Jo says hi' });
    await ok(IMPLEMENT, { id: proposal.id });
    await ok(FOLLOW_UP, { id: state.complaintId, satisfied: true, rating: 5, comment: 'Call me on 0123' });

    const rpc = kit.harness.app.get(RpcClient);
    const exported = await rpc.request<CustomerData>('resolution', customerDataPattern('resolution'), { customerId: state.customerId, complaintIds: [state.complaintId] });
    expect(exported.records.proposals).toEqual([expect.objectContaining({ id: proposal.id, decisionComment: 'My neighbour Jo says hi', options: expect.any(Array) })]);
    expect(exported.records.followUps).toEqual([expect.objectContaining({ rating: 5, comment: 'Call me on 0123' })]);

    await kit.harness.publish(envelope('customer.erased', null, { customerId: state.customerId }));
    await waitFor(async () => {
      const [row] = await kit.db.query(`SELECT (SELECT decision_comment FROM proposals WHERE id = $1) AS decision, (SELECT comment FROM follow_ups WHERE complaint_id = $2) AS comment`, [proposal.id, state.complaintId]);
      return row.decision === null && row.comment === null;
    }, { description: 'the customer\'s comments erased' });
    expect((await kit.db.query('SELECT rating FROM follow_ups WHERE complaint_id = $1', [state.complaintId]))[0].rating).toBe(5);
  });

  it('lets only a manager offer a refund or credit above RESOLUTION_APPROVAL_LIMIT (FORBIDDEN before anything is checked or written)', async () => {
    const limit = kit.harness.env.config.resolutionApprovalLimit;
    const state = kit.complaint('ASSESSED');
    for (const option of [{ ...refund, amount: limit + 0.01 }, { type: 'CREDIT', description: 'Account credit', amount: limit * 2, currency: 'EUR' }]) {
      expect(codes(await kit.harness.query(PROPOSE, { complaintId: state.complaintId, options: [apology, option] }, agent))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await kit.harness.query(PROPOSE, { complaintId: 'not-an-id', options: [{ ...refund, amount: limit + 1 }] }, agent))).toEqual(['FORBIDDEN']);
    expect(await kit.db.query('SELECT 1 FROM proposals WHERE complaint_id = $1', [state.complaintId])).toEqual([]);

    const atLimit = await kit.harness.query(PROPOSE, { complaintId: kit.complaint('ASSESSED').complaintId, options: [{ ...refund, amount: limit }] }, agent);
    expect(atLimit.errors).toBeUndefined();
    const replacement = await kit.harness.query(PROPOSE, { complaintId: kit.complaint('ASSESSED').complaintId, options: [{ type: 'REPLACEMENT', description: 'New device', amount: limit * 3, currency: 'EUR' }] }, agent);
    expect(replacement.errors).toBeUndefined();
    const approved = await ok<{ proposeResolution: Proposal }>(PROPOSE, { complaintId: state.complaintId, options: [{ ...refund, amount: limit * 4 }] }, manager);
    const [event] = await kit.outbox('resolution.proposed', state.complaintId);
    expect(event).toMatchObject({ actor: { id: 'manager-mia', role: 'MANAGER' }, data: { proposalId: approved.proposeResolution.id } });
  });
});
