import pg from 'pg';
import { DataSource } from 'typeorm';
import { databaseName, databaseUrl } from '@redress/persistence';
import { SubgraphHarness, staff, testConfig, waitFor } from '@redress/testing';
import { prepareReportingDatabase } from '../src/persistence/reporting-database.js';
import { ReportingModule } from '../src/reporting.module.js';
import { complaintStories } from './support/complaint-stories.js';
import { publishShuffled, waitUntilProjected } from './support/publishing.js';

const VERIFY = `{ verifyAuditTrail { valid sealedEvents unsealedEvents headHash problems { sequence eventId problem } verifiedAt } }`;

interface Verification {
  valid: boolean;
  sealedEvents: number;
  unsealedEvents: number;
  headHash: string;
  problems: { sequence: number | null; eventId: string | null; problem: string }[];
}

describe('reporting: the audit chain proves the event store unaltered', () => {
  let harness: SubgraphHarness;
  let db: DataSource;
  let owner: pg.Client;
  const events = complaintStories({ seed: 31, count: 40, from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    db = harness.app.get(DataSource);
    await publishShuffled(harness, events, 5);
    await waitUntilProjected(harness, events);
    owner = new pg.Client({ connectionString: databaseUrl(harness.env.config.databaseUrl, databaseName(harness.env.config, 'reporting')) });
    await owner.connect();
  }, 120_000);

  afterAll(async () => {
    await owner?.end();
    await harness?.stop();
  });

  async function verify(): Promise<Verification> {
    const { data, errors } = await harness.query<{ verifyAuditTrail: Verification }>(VERIFY, {}, staff('QA'));
    expect(errors).toBeUndefined();
    return data!.verifyAuditTrail;
  }

  /** What a database superuser could do behind the service's back: switch the guard off, change, switch it on. */
  async function asSuperuser(table: string, statement: string, params: unknown[] = []): Promise<void> {
    await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    try {
      await owner.query(statement, params);
    } finally {
      await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
  }

  const eventIdAtSequence = async (seq: number) => (await db.query('SELECT event_id FROM audit_chain WHERE seq = $1', [seq]))[0].event_id as string;

  it('seals every stored event within seconds and verifies the untouched chain', async () => {
    const result = await waitFor(async () => {
      const v = await verify();
      return v.unsealedEvents === 0 && v.sealedEvents === events.length ? v : undefined;
    }, { timeoutMs: 20_000, description: 'every event sealed' });
    expect(result).toMatchObject({ valid: true, problems: [] });
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    const links = await db.query('SELECT count(DISTINCT event_id)::int AS n FROM audit_chain');
    expect(links[0].n).toBe(events.length);
  });

  it('detects a stored event whose content was changed', async () => {
    const id = await eventIdAtSequence(5);
    await asSuperuser('event_store', `UPDATE event_store SET data = data || '{"cycle": 9}' WHERE id = $1`, [id]);
    const result = await verify();
    expect(result.valid).toBe(false);
    expect(result.problems).toContainEqual({ sequence: 5, eventId: id, problem: 'the event differs from what was sealed' });
  });

  it('detects a stored event that was deleted', async () => {
    const id = await eventIdAtSequence(9);
    await asSuperuser('event_store', 'DELETE FROM event_store WHERE id = $1', [id]);
    expect((await verify()).problems).toContainEqual({ sequence: 9, eventId: id, problem: 'the sealed event is gone' });
  });

  it('detects an event slipped in behind the sealed position', async () => {
    const [{ id }] = (await owner.query(
      `INSERT INTO event_store (id, position, type, version, occurred_at, correlation_id, data) OVERRIDING SYSTEM VALUE
       VALUES (gen_random_uuid(), -1, 'complaint.escalated', 1, now() - interval '300 days', 'forged', '{"cycle": 0, "cause": "MANUAL"}') RETURNING id`,
    )).rows;
    expect((await verify()).problems).toContainEqual({ sequence: null, eventId: id, problem: 'the event is not on the chain although it lies before the sealed position' });
  });

  it('detects a rewritten link', async () => {
    await asSuperuser('audit_chain', `UPDATE audit_chain SET event_hash = sha256(event_hash) WHERE seq = 12`);
    const { problems } = await verify();
    expect(problems.filter((p) => p.sequence === 12).map((p) => p.problem)).toEqual(['the event differs from what was sealed', 'the link does not follow from the one before']);
  });

  it('is for MANAGER, QA and ADMIN only', async () => {
    const { errors } = await harness.query(VERIFY, {}, staff('AGENT'));
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('reporting: replicas starting together', () => {
  it('all set up the database and its app login at once, none failing on the grants ("tuple concurrently updated")', async () => {
    const config = testConfig({ DATABASE_SUFFIX: `_replicas${process.pid}_test` });
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => prepareReportingDatabase(config)));
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'ok' : String(outcome.reason)))).toEqual(['ok', 'ok', 'ok', 'ok']);
    const owner = new pg.Client({ connectionString: databaseUrl(config.databaseUrl, databaseName(config, 'reporting')) });
    await owner.connect();
    try {
      const [{ allowed }] = (await owner.query(`SELECT has_table_privilege($1, 'event_store', 'UPDATE') AS allowed`, [new URL(config.reportingDatabaseUrl).username])).rows;
      expect(allowed).toBe(false);
    } finally {
      await owner.end();
      const admin = new pg.Client({ connectionString: databaseUrl(config.databaseUrl, 'postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName(config, 'reporting')} WITH (FORCE)`);
      await admin.end();
    }
  });
});
