import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ASSIGNEE_CONTACT, COMPLAINT_STATE, customerDataPattern, type AssigneeContact, type ComplaintState, type CustomerData, type EventEnvelope } from '@redress/contracts';
import { NotFound } from '@redress/errors';
import { RpcClient } from '@redress/messaging';
import { SubgraphHarness, RpcStandIn, envelope, staff, waitFor } from '@redress/testing';
import { InvestigationModule } from '../src/investigation.module.js';

// Investigation's staff path on the real PostgreSQL and RabbitMQ; intake's `intake.complaint-state`
// answers from a stand-in speaking the same contract on the broker.
const START = `mutation($complaintId: ID!, $assigneeId: ID) { startInvestigation(complaintId: $complaintId, assigneeId: $assigneeId) { id complaintId assigneeId status startedAt } }`;
const NOTE = `mutation($id: ID!, $kind: NoteKind!, $body: String!, $department: String) {
  addInvestigationNote(investigationId: $id, kind: $kind, body: $body, department: $department) { id kind body department authorId } }`;
const COMPLETE = `mutation($id: ID!, $findings: String!, $rootCause: RootCauseInput!) {
  completeInvestigation(investigationId: $id, findings: $findings, rootCause: $rootCause) { id status findings rootCause { category summary } completedAt notes { kind } } }`;
const REASSIGN = `mutation($id: ID!, $assigneeId: ID!) { reassignInvestigation(investigationId: $id, assigneeId: $assigneeId) { id assigneeId } }`;
const UPSERT = `mutation($input: InvestigatorInput!) { upsertInvestigator(input: $input) { id name email categories capacity active openInvestigations } }`;

type Answer = { errors?: { extensions?: { code?: string } }[] };
const codes = (answer: Answer) => (answer.errors ?? []).map((e) => e.extensions?.code);
const firstMessage = (answer: Answer) => (answer.errors?.[0] as { message?: string } | undefined)?.message;

describe('investigation: roster, start, notes, completion and reassignment with SPEC §5 state rules', () => {
  let harness: SubgraphHarness;
  let intake: RpcStandIn;
  let db: DataSource;
  const states = new Map<string, ComplaintState>();
  const manager = staff('MANAGER', 'manager-mia');
  const agent = staff('AGENT', 'agent-al');

  beforeAll(async () => {
    harness = await SubgraphHarness.start('investigation', (config) => InvestigationModule.forRoot(config));
    db = harness.app.get(DataSource);
    intake = await RpcStandIn.start(harness.env.config.rabbitmqUrl, 'intake', {
      [COMPLAINT_STATE]: ({ complaintId }: { complaintId: string }) => {
        const state = states.get(complaintId);
        if (!state) throw new NotFound('Complaint', complaintId);
        return state;
      },
    });
    for (const [id, categories] of [['inv-ana', ['BILLING']], ['inv-ben', ['BILLING', 'DELIVERY']]] as const) {
      const answer = await harness.query(UPSERT, { input: { id, name: id, email: `${id}@example.com`, categories, capacity: 5 } }, manager);
      expect(answer.errors).toBeUndefined();
    }
  });

  afterAll(async () => {
    await intake?.stop();
    await harness?.stop();
  });

  function complaint(status: string, extra: Partial<ComplaintState> = {}): ComplaintState {
    const id = randomUUID();
    const state = {
      complaintId: id, reference: `CMP-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, customerId: randomUUID(), status,
      cycle: 0, escalated: false, category: 'BILLING', severity: 'HIGH', priority: 'P2', receivedAt: '2026-11-20T09:00:00.000Z',
      resolutionDueAt: '2026-11-25T09:00:00.000Z', ...extra,
    };
    states.set(id, state);
    return state;
  }

  const outbox = async (type: string, complaintId: string): Promise<EventEnvelope[]> =>
    (await db.query(`SELECT envelope FROM outbox WHERE type = $1 AND envelope->>'complaintId' = $2 ORDER BY position`, [type, complaintId])).map((r: { envelope: EventEnvelope }) => r.envelope);

  async function start(state: ComplaintState, assigneeId: string | null = 'inv-ana') {
    const answer = await harness.query<{ startInvestigation: { id: string; assigneeId: string | null; status: string } }>(START, { complaintId: state.complaintId, assigneeId }, agent);
    expect(answer.errors).toBeUndefined();
    return answer.data!.startInvestigation;
  }

  it('keeps the roster: managers add and change investigators, with their open load; others may not', async () => {
    const input = { id: 'inv-cy', name: ' Cy Young ', email: 'CY@example.com', categories: ['SAFETY', 'SAFETY'], capacity: 2, active: true };
    const added = await harness.query<{ upsertInvestigator: unknown }>(UPSERT, { input }, manager);
    expect(added.data?.upsertInvestigator).toEqual({ id: 'inv-cy', name: 'Cy Young', email: 'cy@example.com', categories: ['SAFETY'], capacity: 2, active: true, openInvestigations: 0 });
    const changed = await harness.query<{ upsertInvestigator: { active: boolean; capacity: number } }>(UPSERT, { input: { ...input, capacity: 4, active: false } }, staff('ADMIN'));
    expect(changed.data?.upsertInvestigator).toMatchObject({ capacity: 4, active: false });
    expect(codes(await harness.query(UPSERT, { input }, agent))).toEqual(['FORBIDDEN']);
    const bad = await harness.query(UPSERT, { input: { ...input, email: 'not-an-email' } }, manager);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(bad)).toContain('input.email');
    expect(codes(await harness.query(UPSERT, { input: { ...input, capacity: -1 } }, manager))).toEqual(['BAD_USER_INPUT']);
  });

  it('starts an investigation right after submission (before complaint.received arrived) and announces it with the cycle and the actor', async () => {
    const state = complaint('ACKNOWLEDGED');
    const investigation = await start(state);
    expect(investigation).toMatchObject({ assigneeId: 'inv-ana', status: 'OPEN' });
    const [started] = await outbox('investigation.started', state.complaintId);
    expect(started).toMatchObject({
      reference: state.reference, actor: { id: 'agent-al', role: 'AGENT' }, data: { cycle: 0, investigationId: investigation.id, assigneeId: 'inv-ana' },
    });
    expect(await db.query('SELECT reference, category FROM complaints WHERE id = $1', [state.complaintId])).toEqual([{ reference: state.reference, category: 'BILLING' }]);
  });

  it('answers CONFLICT while an investigation is OPEN, in a status SPEC §5 does not allow, and NOT_FOUND for a complaint intake does not know', async () => {
    const state = complaint('ASSESSED');
    await start(state);
    state.status = 'INVESTIGATING';
    const again = await harness.query(START, { complaintId: state.complaintId, assigneeId: 'inv-ana' }, agent);
    expect(codes(again)).toEqual(['CONFLICT']);
    for (const status of ['RESOLUTION_PROPOSED', 'RESOLVED', 'CLOSED']) {
      const answer = await harness.query(START, { complaintId: complaint(status).complaintId }, agent);
      expect(codes(answer)).toEqual(['CONFLICT']);
    }
    expect(codes(await harness.query(START, { complaintId: randomUUID() }, agent))).toEqual(['NOT_FOUND']);
    expect(codes(await harness.query(START, { complaintId: 'nope' }, agent))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await harness.query(START, { complaintId: complaint('ASSESSED').complaintId, assigneeId: 'nobody' }, agent))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await harness.query(START, { complaintId: complaint('ASSESSED').complaintId }, staff('INVESTIGATOR')))).toEqual(['FORBIDDEN']);
  });

  it('counts its own investigation.started before intake has applied it (no second investigation from ASSESSED)', async () => {
    const state = complaint('ASSESSED');
    const first = await start(state);
    await db.query(`UPDATE investigations SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [first.id]);
    expect(codes(await harness.query(START, { complaintId: state.complaintId }, agent))).toEqual(['CONFLICT']);
  });

  it('records notes by the assigned investigator or a manager; a department query names its department in the event, never the text', async () => {
    const investigation = await start(complaint('ACKNOWLEDGED'));
    const ana = staff('INVESTIGATOR', 'inv-ana');
    const interview = await harness.query<{ addInvestigationNote: unknown }>(NOTE, { id: investigation.id, kind: 'INTERVIEW', body: ' Spoke to billing ' }, ana);
    expect(interview.data?.addInvestigationNote).toMatchObject({ kind: 'INTERVIEW', body: 'Spoke to billing', department: null, authorId: 'inv-ana' });
    const query = await harness.query<{ addInvestigationNote: { id: string } }>(NOTE, { id: investigation.id, kind: 'DEPARTMENT_QUERY', body: 'Was the refund run twice?', department: 'finance' }, manager);
    expect(query.errors).toBeUndefined();
    const events = await waitFor(async () => {
      const rows = await db.query(`SELECT envelope FROM outbox WHERE type = 'investigation.note_added' AND envelope->'data'->>'investigationId' = $1 ORDER BY position`, [investigation.id]);
      return rows.length === 2 ? rows.map((r: { envelope: EventEnvelope }) => r.envelope) : undefined;
    });
    expect(events[1]).toMatchObject({ actor: { id: 'manager-mia', role: 'MANAGER' }, data: { kind: 'DEPARTMENT_QUERY', department: 'finance', noteId: query.data!.addInvestigationNote.id } });
    expect(JSON.stringify(events)).not.toMatch(/Spoke to billing|refund run twice/);

    expect(codes(await harness.query(NOTE, { id: investigation.id, kind: 'NOTE', body: 'mine too' }, staff('INVESTIGATOR', 'inv-ben')))).toEqual(['FORBIDDEN']);
    const noDepartment = await harness.query(NOTE, { id: investigation.id, kind: 'DEPARTMENT_QUERY', body: 'to whom?' }, ana);
    expect(codes(noDepartment)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(noDepartment)).toContain('department');
    expect(codes(await harness.query(NOTE, { id: investigation.id, kind: 'NOTE', body: '   ' }, ana))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await harness.query(NOTE, { id: randomUUID(), kind: 'NOTE', body: 'lost' }, ana))).toEqual(['NOT_FOUND']);
    expect(codes(await harness.query(NOTE, { id: investigation.id, kind: 'NOTE', body: 'desk' }, agent))).toEqual(['FORBIDDEN']);
  });

  it('completes with findings and a root cause (the event carries the category only); afterwards the investigation takes no more work', async () => {
    const state = complaint('ASSESSED');
    const investigation = await start(state);
    const ana = staff('INVESTIGATOR', 'inv-ana');
    const rootCause = { category: 'PROCESS', summary: 'No duplicate-charge check' };
    const done = await harness.query<{ completeInvestigation: Record<string, unknown> }>(COMPLETE, { id: investigation.id, findings: 'Charged twice by a retry', rootCause }, ana);
    expect(done.data?.completeInvestigation).toMatchObject({ status: 'COMPLETED', findings: 'Charged twice by a retry', rootCause, notes: [] });
    expect(done.data?.completeInvestigation.completedAt).not.toBeNull();
    const [completed] = await outbox('investigation.completed', state.complaintId);
    expect(completed).toMatchObject({ actor: { id: 'inv-ana', role: 'INVESTIGATOR' }, data: { cycle: 0, investigationId: investigation.id, rootCauseCategory: 'PROCESS' } });
    expect(JSON.stringify(completed)).not.toContain('duplicate-charge');

    expect(codes(await harness.query(COMPLETE, { id: investigation.id, findings: 'again', rootCause }, ana))).toEqual(['CONFLICT']);
    expect(codes(await harness.query(NOTE, { id: investigation.id, kind: 'NOTE', body: 'late' }, ana))).toEqual(['CONFLICT']);
    expect(codes(await harness.query(REASSIGN, { id: investigation.id, assigneeId: 'inv-ben' }, manager))).toEqual(['CONFLICT']);
    const blank = await harness.query(COMPLETE, { id: investigation.id, findings: 'x', rootCause: { category: 'PROCESS', summary: ' ' } }, ana);
    expect(firstMessage(blank)).toContain('rootCause.summary');
  });

  it('reassigns an OPEN investigation, and each investigator sees their own in myInvestigations', async () => {
    const state = complaint('ACKNOWLEDGED', { category: 'PRIVACY' }); // nobody on the roster takes PRIVACY
    const investigation = await start(state, null);
    expect(investigation.assigneeId).toBeNull();
    const moved = await harness.query<{ reassignInvestigation: { assigneeId: string } }>(REASSIGN, { id: investigation.id, assigneeId: 'inv-ben' }, manager);
    expect(moved.data?.reassignInvestigation.assigneeId).toBe('inv-ben');
    const [reassigned] = await outbox('investigation.reassigned', state.complaintId);
    expect(reassigned.data).toEqual({ cycle: 0, investigationId: investigation.id, assigneeId: 'inv-ben' });
    expect(codes(await harness.query(REASSIGN, { id: investigation.id, assigneeId: 'inv-cy' }, manager))).toEqual(['BAD_USER_INPUT']);

    const mine = await harness.query<{ myInvestigations: { id: string; status: string }[] }>(`{ myInvestigations(status: OPEN) { id status } }`, {}, staff('INVESTIGATOR', 'inv-ben'));
    expect(mine.data?.myInvestigations.map((i) => i.id)).toContain(investigation.id);
    const others = await harness.query<{ myInvestigations: { id: string }[] }>(`{ myInvestigations { id } }`, {}, staff('INVESTIGATOR', 'inv-ana'));
    expect(others.data?.myInvestigations.map((i) => i.id)).not.toContain(investigation.id);
  });

  it('starts a new cycle after a reopen: a new investigation carries the new cycle', async () => {
    const state = complaint('ACKNOWLEDGED');
    const first = await start(state);
    await db.query(`UPDATE investigations SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [first.id]);
    await harness.publish(envelope('complaint.reopened', state.complaintId, { cycle: 1 }, { reference: state.reference }));
    await waitFor(async () => (await db.query('SELECT cycle FROM complaints WHERE id = $1', [state.complaintId]))[0].cycle === 1, { description: 'the reopened cycle' });
    Object.assign(state, { status: 'REOPENED', cycle: 1 });
    const second = await start(state);
    const events = await outbox('investigation.started', state.complaintId);
    expect(events.map((e) => [(e as EventEnvelope<'investigation.started'>).data.investigationId, (e as EventEnvelope<'investigation.started'>).data.cycle])).toEqual([[first.id, 0], [second.id, 1]]);
  });

  it('keeps the newest assessment when complaint.assessed events arrive out of order', async () => {
    const state = complaint('RECEIVED');
    await harness.publish(envelope('complaint.received', state.complaintId, {
      cycle: 0, channel: 'WEB', customerId: state.customerId, receivedAt: state.receivedAt, acknowledgementDueAt: state.receivedAt, resolutionDueAt: state.resolutionDueAt,
    }, { reference: state.reference }));
    const assessed = (category: 'DELIVERY' | 'SAFETY', occurredAt: string) =>
      envelope('complaint.assessed', state.complaintId, { cycle: 0, category, severity: 'LOW', priority: 'P4', resolutionDueAt: state.resolutionDueAt }, { occurredAt });
    await harness.publish(assessed('SAFETY', '2026-11-21T10:00:00.000Z'));
    await harness.publish(assessed('DELIVERY', '2026-11-21T09:00:00.000Z'));
    await waitFor(async () => (await harness.queueDepth('investigation.events')) === 0 && (await db.query('SELECT category FROM complaints WHERE id = $1', [state.complaintId]))[0]?.category === 'SAFETY', {
      description: 'both assessments handled',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect((await db.query('SELECT category FROM complaints WHERE id = $1', [state.complaintId]))[0].category).toBe('SAFETY');
  });

  it("tells notification who the assignee is, and gives a customer's investigations with their notes for a data export", async () => {
    const state = complaint('ACKNOWLEDGED');
    const investigation = await start(state);
    await harness.query(NOTE, { id: investigation.id, kind: 'EVIDENCE', body: 'Bank statement' }, staff('INVESTIGATOR', 'inv-ana'));
    const rpc = harness.app.get(RpcClient);
    const contact = await rpc.request<AssigneeContact>('investigation', ASSIGNEE_CONTACT, { investigationId: investigation.id });
    expect(contact).toEqual({ investigationId: investigation.id, assigneeId: 'inv-ana', name: 'inv-ana', email: 'inv-ana@example.com' });
    await expect(rpc.request('investigation', ASSIGNEE_CONTACT, { investigationId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const data = await rpc.request<CustomerData>('investigation', customerDataPattern('investigation'), { customerId: state.customerId, complaintIds: [state.complaintId] });
    expect(data.service).toBe('investigation');
    expect(data.records.investigations).toEqual([
      expect.objectContaining({ id: investigation.id, complaintId: state.complaintId, status: 'OPEN', notes: [expect.objectContaining({ kind: 'EVIDENCE', body: 'Bank statement' })] }),
    ]);
  });

  describe('routing without an assignee', () => {
    beforeAll(async () => {
      const roster = [['route-r1', ['STAFF_CONDUCT'], 2, true], ['route-r2', ['STAFF_CONDUCT'], 1, true], ['route-off', ['STAFF_CONDUCT'], 9, false],
        ['route-p1', ['POLICY'], 1, true], ['route-p2', ['POLICY'], 1, true], ['route-other', ['OTHER'], 3, true]] as const;
      for (const [id, categories, capacity, active] of roster) {
        await harness.query(UPSERT, { input: { id, name: id, email: `${id}@example.com`, categories, capacity, active } }, manager);
      }
    });

    it('goes to the least-loaded active investigator with the category, with room left; otherwise it starts unassigned', async () => {
      const assignees = [];
      for (let i = 0; i < 4; i += 1) assignees.push((await start(complaint('ASSESSED', { category: 'STAFF_CONDUCT' }), null)).assigneeId);
      expect(assignees).toEqual(['route-r1', 'route-r2', 'route-r1', null]);
      const unassigned = await outbox('investigation.started', [...states.values()].at(-1)!.complaintId);
      expect(unassigned[0].data).toMatchObject({ assigneeId: null });
      const roster = await harness.query<{ investigators: { id: string; openInvestigations: number }[] }>('{ investigators { id openInvestigations } }', {}, manager);
      expect(roster.data?.investigators.filter((i) => i.id.startsWith('route-r'))).toEqual([{ id: 'route-r1', openInvestigations: 2 }, { id: 'route-r2', openInvestigations: 1 }]);
    });

    it('never gives two investigations started at the same moment the same last free place', async () => {
      const started = await Promise.all([1, 2, 3].map(() => start(complaint('ASSESSED', { category: 'POLICY' }), null)));
      expect(started.map((i) => i.assigneeId).sort()).toEqual(['route-p1', 'route-p2', null].sort());
    });

    it('routes a complaint without a category as OTHER', async () => {
      expect((await start(complaint('RECEIVED', { category: null }), null)).assigneeId).toBe('route-other');
    });
  });
});
