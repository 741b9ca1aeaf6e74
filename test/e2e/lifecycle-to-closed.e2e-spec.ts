import { waitFor } from '@redress/testing';
import { EventTap } from './support/event-tap.js';
import { errorCodes, graphql, staffToken } from './support/graphql-client.js';
import { OPS, REMEDIES, ok, statusBecomes as becomes, submitted } from './support/lifecycle.js';
import { startSystem, stopSystem } from './support/system.js';

// SPEC §1 steps 1–8 through the real gateway, services, broker, databases, Redis and SMTP: a complaint
// from submitComplaint to CLOSED, every status read on the way, the whole story in one federated query.
const { start: START, note: NOTE, complete: COMPLETE, propose: PROPOSE, decide: DECIDE, implement: IMPLEMENT, followUp: FOLLOW_UP, close: CLOSE, reopen: REOPEN, story: STORY } = OPS;
const tap = new EventTap();
let agent: string;
let manager: string;
let investigator: string;

beforeAll(() => startSystem(), 150_000);
afterAll(stopSystem, 30_000);
beforeAll(async () => {
  await tap.start();
  [agent, manager, investigator] = await Promise.all([staffToken(['AGENT'], 'agent-e2e'), staffToken(['MANAGER'], 'manager-e2e'), staffToken(['INVESTIGATOR'], 'inv-e2e-ana')]);
  await ok(OPS.upsertInvestigator, { input: { id: 'inv-e2e-ana', name: 'Ana Investigator', email: 'ana@redress.local', categories: ['BILLING'], capacity: 5 } }, manager);
});
afterAll(() => tap.stop());

const statusBecomes = (id: string, status: string) => becomes(id, status, agent);

describe('staff take a complaint from submission to CLOSED through the gateway', () => {
  let complaint: { id: string; reference: string };
  let investigationId: string;
  let proposal: { id: string; options: { id: string; type: string }[] };

  beforeAll(async () => {
    complaint = await submitted();
  });

  it('is acknowledged, assessed and investigated to a root cause', async () => {
    await statusBecomes(complaint.id, 'ACKNOWLEDGED');
    const assessed = await ok(OPS.assess, { id: complaint.id, input: { category: 'BILLING', severity: 'MEDIUM', impact: 'MEDIUM', urgency: 'MEDIUM' } }, agent);
    expect(assessed.assessComplaint).toMatchObject({ category: 'BILLING' });
    await statusBecomes(complaint.id, 'ASSESSED');
    const started = await ok(START, { id: complaint.id, assigneeId: 'inv-e2e-ana' }, agent);
    investigationId = started.startInvestigation.id;
    expect(started.startInvestigation).toMatchObject({ status: 'OPEN', assigneeId: 'inv-e2e-ana' });
    await statusBecomes(complaint.id, 'INVESTIGATING');
    await ok(NOTE, { id: investigationId, kind: 'INTERVIEW', body: 'Payments team confirmed two captures' }, investigator);
    await ok(NOTE, { id: investigationId, kind: 'DEPARTMENT_QUERY', body: 'Please check the retry log', department: 'finance' }, investigator);
    expect((await ok(COMPLETE, { id: investigationId }, investigator)).completeInvestigation.status).toBe('COMPLETED');
  });

  it('answers CONFLICT to mutations the status does not allow yet', async () => {
    expect(errorCodes(await graphql(START, { id: complaint.id }, agent))).toEqual(['CONFLICT']);
    expect(errorCodes(await graphql(FOLLOW_UP, { id: complaint.id }, agent))).toEqual(['CONFLICT']);
    expect(errorCodes(await graphql(CLOSE, { id: complaint.id }, agent))).toEqual(['CONFLICT']);
  });

  it('proposes a remedy the customer accepts, carries it out and follows up', async () => {
    const options = REMEDIES;
    proposal = (await ok(PROPOSE, { id: complaint.id, options }, agent)).proposeResolution;
    await statusBecomes(complaint.id, 'RESOLUTION_PROPOSED');
    expect(errorCodes(await graphql(PROPOSE, { id: complaint.id, options }, agent))).toEqual(['CONFLICT']);
    expect((await ok(DECIDE, { id: proposal.id, optionId: proposal.options[0].id }, agent)).recordCustomerDecision.status).toBe('ACCEPTED');
    await statusBecomes(complaint.id, 'RESOLUTION_ACCEPTED');
    await ok(IMPLEMENT, { id: proposal.id }, agent);
    await statusBecomes(complaint.id, 'RESOLVED');
    expect(errorCodes(await graphql(IMPLEMENT, { id: proposal.id }, agent))).toEqual(['CONFLICT']);
    expect(errorCodes(await graphql(CLOSE, { id: complaint.id }, agent))).toEqual(['CONFLICT']);
    await ok(FOLLOW_UP, { id: complaint.id }, agent);
    await statusBecomes(complaint.id, 'FOLLOWED_UP');
    expect(errorCodes(await graphql(FOLLOW_UP, { id: complaint.id }, agent))).toEqual(['CONFLICT']);
  });

  it('closes with a summary and lessons learned; a closed complaint takes no more work', async () => {
    await ok(CLOSE, { id: complaint.id }, agent);
    await statusBecomes(complaint.id, 'CLOSED');
    expect(errorCodes(await graphql(CLOSE, { id: complaint.id }, agent))).toEqual(['CONFLICT']);
    expect(errorCodes(await graphql(PROPOSE, { id: complaint.id, options: [{ type: 'APOLOGY', description: 'Again' }] }, agent))).toEqual(['CONFLICT']);
    expect(errorCodes(await graphql(START, { id: complaint.id }, agent))).toEqual(['CONFLICT']);
  });

  it('tells the whole story in one federated query', async () => {
    const types = ['complaint.received', 'complaint.acknowledged', 'complaint.assessed', 'investigation.started', 'investigation.note_added',
      'investigation.completed', 'resolution.proposed', 'resolution.accepted', 'resolution.implemented', 'followup.recorded', 'complaint.closed'];
    const story = await waitFor(async () => {
      const { complaint: c } = await ok<{ complaint: Record<string, any> }>(STORY, { id: complaint.id }, manager);
      return types.every((t) => c.timeline.some((e: { type: string }) => e.type === t)) ? c : undefined;
    }, { timeoutMs: 20_000, description: 'every event on the timeline' });
    expect(story).toMatchObject({
      reference: complaint.reference, status: 'CLOSED', category: 'BILLING',
      investigation: {
        status: 'COMPLETED', assigneeId: 'inv-e2e-ana', findings: 'A payment retry charged the card twice',
        rootCause: { category: 'SYSTEM', summary: 'Retries are not idempotent' },
        notes: [{ kind: 'INTERVIEW', department: null, authorId: 'inv-e2e-ana' }, { kind: 'DEPARTMENT_QUERY', department: 'finance', authorId: 'inv-e2e-ana' }],
      },
      proposals: [{ status: 'ACCEPTED', chosenOptionId: proposal.options[0].id, options: [{ type: 'REFUND', amount: 49.9, currency: 'EUR' }, { type: 'APOLOGY' }] }],
      followUp: { satisfied: true, rating: 5, comment: 'Sorted quickly' },
      lessonsLearned: 'Make payment retries idempotent',
      resolutionSummary: 'Second charge refunded',
    });
    expect(story.closedAt).not.toBeNull();
    expect(story.proposals[0].implementedAt).not.toBeNull();
    expect(story.notifications.map((n: { kind: string }) => n.kind)).toContain('ACKNOWLEDGEMENT');
    const staffSteps = story.timeline.filter((e: { type: string }) => types.slice(2).includes(e.type));
    expect(staffSteps.map((e: { actorId: string }) => e.actorId)).toEqual(['agent-e2e', 'agent-e2e', 'inv-e2e-ana', 'inv-e2e-ana', 'inv-e2e-ana', 'agent-e2e', 'agent-e2e', 'agent-e2e', 'agent-e2e', 'agent-e2e']);
  });

  it('announces each step with the cycle and the actor, and no free text', async () => {
    const events = tap.events.filter((e) => e.envelope.complaintId === complaint.id && /^(investigation|resolution|followup)\.|complaint\.closed/.test(e.envelope.type));
    expect(events.length).toBeGreaterThanOrEqual(9);
    for (const { envelope, raw } of events) {
      expect(envelope.data).toMatchObject({ cycle: 0 });
      expect(envelope.actor).toEqual(expect.objectContaining({ id: expect.any(String), role: expect.stringMatching(/AGENT|INVESTIGATOR|MANAGER/) }));
      for (const text of ['two captures', 'retry log', 'charged the card', 'not idempotent', 'We are sorry', 'second charge', 'Sorted quickly', 'idempotent']) expect(raw).not.toContain(text);
    }
  });

  it('starts a new cycle when a manager reopens it', async () => {
    await ok(REOPEN, { id: complaint.id }, manager);
    await statusBecomes(complaint.id, 'REOPENED');
    const again = (await ok(PROPOSE, { id: complaint.id, options: [{ type: 'CREDIT', description: 'Store credit', amount: 20, currency: 'EUR' }] }, agent)).proposeResolution;
    await statusBecomes(complaint.id, 'RESOLUTION_PROPOSED');
    await waitFor(() => tap.of('resolution.proposed', complaint.id).find((e) => (e.envelope.data as { proposalId: string }).proposalId === again.id), { timeoutMs: 10_000 });
    expect(tap.of('resolution.proposed', complaint.id).map((e) => (e.envelope.data as { cycle: number }).cycle)).toEqual([0, 1]);
  });
});

describe('escalated complaints', () => {
  it('show managers their investigation state', async () => {
    const { id } = await submitted();
    await ok(`mutation($id: ID!) { escalateComplaint(id: $id, reason: "Customer threatens to leave") { escalated } }`, { id }, agent);
    await ok(START, { id, assigneeId: 'inv-e2e-ana' }, agent);
    const { complaints } = await ok(`{ complaints(filter: { escalated: true }, first: 50) { edges { node { id escalated investigation { status assigneeId } } } } }`, {}, manager);
    expect(complaints.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ id, escalated: true, investigation: { status: 'OPEN', assigneeId: 'inv-e2e-ana' } });
  });
});
