import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { databaseName, databaseUrl } from '@redress/persistence';
import { RecordEventHandler } from '../src/record-event/record-event.handler.js';
import { ReportingModule } from '../src/reporting.module.js';
import { SubgraphHarness, anonymous, envelope, staff, waitFor } from '@redress/testing';

const TIMELINE = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Complaint { id timeline { at type actorId summary } } }
}`;

interface TimelineAnswer {
  _entities: { id: string; timeline: { at: string; type: string; actorId: string | null; summary: string }[] | null }[];
}

const received = (complaintId: string, at: Date) =>
  envelope('complaint.received', complaintId, {
    cycle: 0, channel: 'WEB', customerId: randomUUID(), receivedAt: at.toISOString(),
    acknowledgementDueAt: new Date(at.getTime() + 86_400_000).toISOString(), resolutionDueAt: new Date(at.getTime() + 864_000_000).toISOString(),
  }, { occurredAt: at.toISOString() });

describe('reporting: the event store', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  const storedCopies = async (id: string) => Number((await db.query('SELECT count(*) AS n FROM event_store WHERE id = $1', [id]))[0].n);

  it('stores an event from complaints.events once, even when it is delivered twice', async () => {
    const event = received(randomUUID(), new Date());
    await harness.publish(event);
    await harness.publish(event);
    await waitFor(async () => (await storedCopies(event.id)) === 1, { description: 'the event in the store' });
    await waitFor(async () => (await harness.queueDepth('reporting.events')) === 0, { description: 'both deliveries handled' });
    expect(await storedCopies(event.id)).toBe(1);
    const [row] = await db.query('SELECT type, version, complaint_id, reference, correlation_id, data FROM event_store WHERE id = $1', [event.id]);
    expect(row).toEqual({
      type: 'complaint.received', version: 1, complaint_id: event.complaintId, reference: event.reference,
      correlation_id: event.correlationId, data: event.data,
    });
  });

  it('keeps one copy when the same event reaches the store by another path than the inbox', async () => {
    const event = received(randomUUID(), new Date());
    await harness.app.get(RecordEventHandler).execute(event);
    await harness.app.get(RecordEventHandler).execute(event);
    expect(await storedCopies(event.id)).toBe(1);
  });

  it('runs as a plain login that may only insert and read the event store', async () => {
    const event = received(randomUUID(), new Date());
    await harness.app.get(RecordEventHandler).execute(event);
    const [login] = await db.query('SELECT current_user AS name, rolsuper AS super FROM pg_roles WHERE rolname = current_user');
    expect(login).toEqual({ name: 'redress_reporting_app', super: false });
    for (const change of [`UPDATE event_store SET type = 'complaint.closed' WHERE id = $1`, 'DELETE FROM event_store WHERE id = $1']) {
      await expect(db.query(change, [event.id])).rejects.toThrow(/permission denied/);
    }
    await expect(db.query('TRUNCATE event_store')).rejects.toThrow(/permission denied/);
    await expect(db.query('ALTER TABLE event_store DISABLE TRIGGER event_store_append_only')).rejects.toThrow(/must be owner/);
    await expect(db.query('DELETE FROM audit_chain')).rejects.toThrow(/permission denied/);
    await expect(db.query('UPDATE audit_chain SET chain_hash = event_hash')).rejects.toThrow(/permission denied/);
  });

  it('refuses to change or remove what it stored even for the database superuser', async () => {
    const event = received(randomUUID(), new Date());
    await harness.app.get(RecordEventHandler).execute(event);
    const owner = new pg.Client({ connectionString: databaseUrl(harness.env.config.databaseUrl, databaseName(harness.env.config, 'reporting')) });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE event_store SET type = 'complaint.closed' WHERE id = $1`, [event.id])).rejects.toThrow(/append-only/);
      await expect(owner.query('DELETE FROM event_store WHERE id = $1', [event.id])).rejects.toThrow(/append-only/);
      await expect(owner.query('TRUNCATE event_store')).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    const [row] = await db.query('SELECT type FROM event_store WHERE id = $1', [event.id]);
    expect(row.type).toBe('complaint.received');
  });

  it('serves Complaint.timeline to staff, oldest first, whatever order the events arrived in', async () => {
    const complaintId = randomUUID();
    const receivedAt = new Date(Date.now() - 60_000);
    const at = (seconds: number) => new Date(receivedAt.getTime() + seconds * 1000).toISOString();
    const acknowledged = envelope('notification.sent', complaintId, {
      notificationId: randomUUID(), kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL', causeEventId: randomUUID(), attempts: 1,
    }, { occurredAt: at(5) });
    await harness.publish(acknowledged);
    await harness.publish(received(complaintId, receivedAt));
    await harness.publish(envelope('complaint.escalated', complaintId, { cycle: 0, cause: 'MANUAL' }, { occurredAt: at(30), actor: { id: 'agent-7', role: 'AGENT' } }));
    const representations = [{ __typename: 'Complaint', id: complaintId }];
    const answer = await waitFor(async () => {
      const { data } = await harness.query<TimelineAnswer>(TIMELINE, { representations }, staff('QA'));
      return data?._entities[0].timeline?.length === 3 ? data : undefined;
    }, { description: 'three timeline entries' });
    expect(answer._entities[0].timeline).toEqual([
      { at: receivedAt.toISOString(), type: 'complaint.received', actorId: null, summary: 'Complaint received via WEB' },
      { at: at(5), type: 'notification.sent', actorId: null, summary: 'Acknowledgement email sent' },
      { at: at(30), type: 'complaint.escalated', actorId: 'agent-7', summary: 'Complaint escalated by staff' },
    ]);
  });

  it('answers an empty timeline for a complaint it has no events of', async () => {
    const { data } = await harness.query<TimelineAnswer>(TIMELINE, { representations: [{ __typename: 'Complaint', id: randomUUID() }] }, staff('AGENT'));
    expect(data?._entities[0].timeline).toEqual([]);
  });

  it('does not show the timeline to anonymous callers', async () => {
    const { data, errors } = await harness.query<TimelineAnswer>(TIMELINE, { representations: [{ __typename: 'Complaint', id: randomUUID() }] }, anonymous);
    expect(data?._entities[0].timeline).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
