import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InvestigationModule } from '../src/investigation.module.js';
import { SubgraphHarness, anonymous, envelope, staff, waitFor } from '@redress/testing';

const LATEST_INVESTIGATION = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Complaint { id investigation { id status assigneeId startedAt notes { kind body authorId } rootCause { category summary } } }
  }
}`;

const received = (complaintId: string) =>
  envelope('complaint.received', complaintId, {
    cycle: 0, channel: 'PHONE', category: 'BILLING', severity: 'HIGH', customerId: randomUUID(), receivedAt: '2026-11-20T09:00:00.000Z',
    acknowledgementDueAt: '2026-11-21T09:00:00.000Z', resolutionDueAt: '2026-11-25T09:00:00.000Z',
  });

describe('investigation: its copy of complaints and its Complaint fields', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('investigation', (config) => InvestigationModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  it('keeps its own copy of a complaint from complaint.received, once however often it is delivered', async () => {
    const event = received(randomUUID());
    await harness.publish(event);
    await harness.publish(event);
    await waitFor(async () => (await harness.queueDepth('investigation.events')) === 0 && (await db.query('SELECT 1 FROM complaints WHERE id = $1', [event.complaintId])).length, {
      description: 'the complaint copied and both deliveries handled',
    });
    expect(await db.query('SELECT id, reference, cycle, category, severity, received_at FROM complaints WHERE id = $1', [event.complaintId])).toEqual([
      { id: event.complaintId, reference: event.reference, cycle: 0, category: 'BILLING', severity: 'HIGH', received_at: new Date('2026-11-20T09:00:00.000Z') },
    ]);
  });

  it('resolves Complaint.investigation to the latest investigation with its notes, or null', async () => {
    const [complaintId, otherId] = [randomUUID(), randomUUID()];
    await harness.publish(received(complaintId));
    await waitFor(async () => (await db.query('SELECT 1 FROM complaints WHERE id = $1', [complaintId])).length, { description: 'the complaint copy' });
    const [older, latest] = [randomUUID(), randomUUID()];
    await db.query(`INSERT INTO investigators (id, name, email, categories, capacity) VALUES ('inv-ana', 'Ana', 'ana@example.com', '{BILLING}', 3)`);
    await db.query(
      `INSERT INTO investigations (id, complaint_id, cycle, assignee_id, status, findings, root_cause_category, root_cause_summary, started_at, completed_at)
       VALUES ($1, $3, 0, 'inv-ana', 'COMPLETED', 'found', 'PROCESS', 'no check', now() - interval '2 days', now() - interval '1 day'),
              ($2, $3, 1, 'inv-ana', 'OPEN', NULL, NULL, NULL, now(), NULL)`,
      [older, latest, complaintId],
    );
    await db.query(`INSERT INTO investigation_notes (id, investigation_id, kind, body, author_id) VALUES ($1, $2, 'INTERVIEW', 'Spoke to billing', 'inv-ana')`, [randomUUID(), latest]);

    const representations = [{ __typename: 'Complaint', id: complaintId }, { __typename: 'Complaint', id: otherId }];
    const { data } = await harness.query<{ _entities: { investigation: Record<string, unknown> | null }[] }>(LATEST_INVESTIGATION, { representations }, staff('INVESTIGATOR'));
    expect(data?._entities[0].investigation).toMatchObject({
      id: latest, status: 'OPEN', assigneeId: 'inv-ana', rootCause: null, notes: [{ kind: 'INTERVIEW', body: 'Spoke to billing', authorId: 'inv-ana' }],
    });
    expect(data?._entities[1].investigation).toBeNull();

    const byId = await harness.query<{ investigation: { id: string; rootCause: unknown } | null }>(
      'query($id: ID!) { investigation(id: $id) { id rootCause { category summary } } }', { id: older }, staff('QA'));
    expect(byId.data?.investigation).toEqual({ id: older, rootCause: { category: 'PROCESS', summary: 'no check' } });

    const roster = await harness.query<{ investigators: unknown[] }>('{ investigators { id categories capacity active openInvestigations } }', {}, staff('MANAGER'));
    expect(roster.data?.investigators).toEqual([{ id: 'inv-ana', categories: ['BILLING'], capacity: 3, active: true, openInvestigations: 1 }]);
  });

  it('answers null for an investigation id that is unknown or not an id at all', async () => {
    for (const id of [randomUUID(), 'not-an-id']) {
      const { data, errors } = await harness.query<{ investigation: unknown }>('query($id: ID!) { investigation(id: $id) { id } }', { id }, staff('AGENT'));
      expect(errors).toBeUndefined();
      expect(data?.investigation).toBeNull();
    }
  });

  it('keeps investigations and the roster from anonymous callers', async () => {
    const roster = await harness.query('{ investigators { id } }', {}, anonymous);
    expect(roster.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const latest = await harness.query(LATEST_INVESTIGATION, { representations: [{ __typename: 'Complaint', id: randomUUID() }] }, anonymous);
    expect(latest.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
