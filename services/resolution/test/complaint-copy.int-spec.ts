import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ResolutionModule } from '../src/resolution.module.js';
import { SubgraphHarness, anonymous, envelope, staff, waitFor } from '@redress/testing';

const RESOLUTION_FIELDS = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Complaint {
      id
      proposals { id status chosenOptionId options { id type description amount currency } }
      followUp { satisfied rating comment }
      lessonsLearned
    }
  }
}`;

interface ResolutionAnswer {
  _entities: { id: string; proposals: { id: string; status: string; options: unknown[] }[] | null; followUp: unknown; lessonsLearned: string | null }[];
}

const received = (complaintId: string) =>
  envelope('complaint.received', complaintId, {
    cycle: 0, channel: 'EMAIL', customerId: randomUUID(), receivedAt: '2026-11-20T09:00:00.000Z',
    acknowledgementDueAt: '2026-11-21T09:00:00.000Z', resolutionDueAt: '2026-11-30T09:00:00.000Z',
  });

describe('resolution: its copy of complaints and its Complaint fields', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('resolution', (config) => ResolutionModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  const copied = async (id: string | null) => (await db.query('SELECT 1 FROM complaints WHERE id = $1', [id])).length === 1;

  it('keeps its own copy of a complaint from complaint.received, once however often it is delivered', async () => {
    const event = received(randomUUID());
    await harness.publish(event);
    await harness.publish(event);
    await waitFor(async () => (await copied(event.complaintId)) && (await harness.queueDepth('resolution.events')) === 0, {
      description: 'the complaint copied and both deliveries handled',
    });
    expect(await db.query('SELECT reference, cycle, category, severity FROM complaints WHERE id = $1', [event.complaintId])).toEqual([
      { reference: event.reference, cycle: 0, category: null, severity: null },
    ]);
  });

  it('lists a complaint\'s proposals newest first, each with its options in the order offered', async () => {
    const complaintId = randomUUID();
    await harness.publish(received(complaintId));
    await waitFor(() => copied(complaintId), { description: 'the complaint copy' });
    const [rejected, pending, refund, apology] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.query(
      `INSERT INTO proposals (id, complaint_id, cycle, status, proposed_at, decided_at, decided_by)
       VALUES ($1, $3, 0, 'REJECTED', now() - interval '3 days', now() - interval '2 days', 'CUSTOMER'),
              ($2, $3, 0, 'PROPOSED', now(), NULL, NULL)`,
      [rejected, pending, complaintId],
    );
    await db.query(
      `INSERT INTO proposal_options (id, proposal_id, position, type, description, amount, currency)
       VALUES ($1, $3, 1, 'APOLOGY', 'A written apology', NULL, NULL), ($2, $3, 0, 'REFUND', 'Refund of the fee', 49.90, 'EUR')`,
      [apology, refund, pending],
    );
    const { data } = await harness.query<ResolutionAnswer>(RESOLUTION_FIELDS, { representations: [{ __typename: 'Complaint', id: complaintId }] }, staff('AGENT'));
    expect(data?._entities[0]).toEqual({
      id: complaintId,
      proposals: [
        {
          id: pending, status: 'PROPOSED', chosenOptionId: null,
          options: [
            { id: refund, type: 'REFUND', description: 'Refund of the fee', amount: 49.9, currency: 'EUR' },
            { id: apology, type: 'APOLOGY', description: 'A written apology', amount: null, currency: null },
          ],
        },
        { id: rejected, status: 'REJECTED', chosenOptionId: null, options: [] },
      ],
      followUp: null,
      lessonsLearned: null,
    });
  });

  it('shows the follow-up of the latest cycle that has one', async () => {
    const complaintId = randomUUID();
    await harness.publish(received(complaintId));
    await waitFor(() => copied(complaintId), { description: 'the complaint copy' });
    await db.query(
      `INSERT INTO follow_ups (complaint_id, cycle, satisfied, rating, comment, via, recorded_at)
       VALUES ($1, 0, false, 2, 'Too slow', 'SURVEY', now() - interval '10 days'), ($1, 1, true, 5, NULL, 'STAFF', now())`,
      [complaintId],
    );
    const { data } = await harness.query<ResolutionAnswer>(RESOLUTION_FIELDS, { representations: [{ __typename: 'Complaint', id: complaintId }] }, staff('QA'));
    expect(data?._entities[0].followUp).toEqual({ satisfied: true, rating: 5, comment: null });
  });

  it('answers no proposals and no follow-up for a complaint it has none of', async () => {
    const { data } = await harness.query<ResolutionAnswer>(RESOLUTION_FIELDS, { representations: [{ __typename: 'Complaint', id: randomUUID() }] }, staff('MANAGER'));
    expect(data?._entities[0]).toMatchObject({ proposals: [], followUp: null, lessonsLearned: null });
  });

  it('does not show proposals, follow-up or lessons to anonymous callers', async () => {
    const { data, errors } = await harness.query<ResolutionAnswer>(RESOLUTION_FIELDS, { representations: [{ __typename: 'Complaint', id: randomUUID() }] }, anonymous);
    expect(data?._entities[0]).toMatchObject({ proposals: null, followUp: null, lessonsLearned: null });
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });
});
