import { DataSource } from 'typeorm';
import { TransactionRunner } from '@redress/persistence';
import { SubgraphHarness, tableActivityDuring, type TableActivity } from '@redress/testing';
import { RefreshComplaintsHandler } from '../src/project-complaints/refresh-complaints.handler.js';
import { rebuildCommand } from '../src/cli/rebuild.command.js';
import { emptyFacts } from '../src/domain/complaint-facts.js';
import { writeFacts } from '../src/persistence/complaint-facts.store.js';
import { RebuildAlreadyRunningError, rebuildReadModels, type RebuildProgress } from '../src/rebuild/rebuild-read-models.js';
import { ReportingModule } from '../src/reporting.module.js';
import { complaintStories } from './support/complaint-stories.js';
import { publishShuffled, waitUntilProjected } from './support/publishing.js';

/** Everything the projection writes, in a stable order; rollup rows that went back to zero are no rows. */
async function readModel(db: DataSource) {
  return {
    facts: await db.query('SELECT * FROM complaint_facts ORDER BY complaint_id'),
    closures: await db.query('SELECT * FROM complaint_closures ORDER BY complaint_id, closed_at'),
    rollups: await db.query(`SELECT measure, to_char(day, 'YYYY-MM-DD') AS day, key, n, total FROM metric_daily WHERE n <> 0 OR total <> 0 ORDER BY measure, day, key`),
  };
}

describe('reporting: rebuilding the read models from the event store', () => {
  let harness: SubgraphHarness;
  let db: DataSource;
  const first = complaintStories({ seed: 21, count: 120, from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') });

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    db = harness.app.get(DataSource);
    await publishShuffled(harness, first, 3);
    await waitUntilProjected(harness, first);
  }, 120_000);

  afterAll(() => harness?.stop());

  it('gives exactly the read model the live projection built, reporting its progress', async () => {
    const live = await readModel(db);
    expect(live.facts).toHaveLength(120);
    const progress: RebuildProgress[] = [];
    const result = await rebuildReadModels(db, (p) => progress.push({ ...p }), 25);
    expect(result).toEqual({ complaints: 120, total: 120 });
    expect(progress.map((p) => p.complaints)).toEqual([0, 25, 50, 75, 100, 120]);
    expect(await readModel(db)).toEqual(live);
  });

  it('loses and doubles nothing when live events arrive while it runs', async () => {
    const second = complaintStories({ seed: 22, count: 80, from: new Date('2026-05-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') });
    await Promise.all([publishShuffled(harness, second, 4), rebuildReadModels(db, undefined, 10)]);
    await waitUntilProjected(harness, [...first, ...second]);
    const raced = await readModel(db);
    expect(raced.facts).toHaveLength(200);
    await rebuildReadModels(db);
    expect(await readModel(db)).toEqual(raced);
  });

  it('lets two transactions refresh the same complaints in opposite orders without deadlocking (a batch of events, a rebuild chunk)', async () => {
    const refresh = harness.app.get(RefreshComplaintsHandler);
    const transactions = harness.app.get(TransactionRunner);
    const [a, b] = [...new Set(first.map((event) => event.complaintId!))];
    let secondHasB!: () => void;
    const bLocked = new Promise<void>((resolve) => (secondHasB = resolve));
    const one = transactions.run(async () => {
      await refresh.execute([a]);
      await Promise.race([bLocked, new Promise((resolve) => setTimeout(resolve, 500))]);
      await refresh.execute([b]);
    });
    const two = new Promise((resolve) => setTimeout(resolve, 100)).then(() => transactions.run(async () => {
      await refresh.execute([b]);
      secondHasB();
      await refresh.execute([a]);
    }));
    // Without one writer at a time: one holds a and wants b, two holds b and wants a — "deadlock detected".
    await expect(Promise.all([one, two])).resolves.toEqual([undefined, undefined]);
  });

  it('writes the facts of a few complaints through the primary key, not by scanning every complaint', async () => {
    let writing: TableActivity | undefined;
    const rolledBack = new Error('rolled back on purpose');
    const run = db.transaction(async (tx) => {
      await tx.query('INSERT INTO complaint_facts (complaint_id) SELECT gen_random_uuid() FROM generate_series(1, 20000)');
      const ids: { complaint_id: string }[] = await tx.query('SELECT complaint_id FROM complaint_facts LIMIT 2');
      const facts = ids.map((row) => ({ ...emptyFacts(row.complaint_id), status: 'ACKNOWLEDGED' as const, eventCount: 1 }));
      writing = await tableActivityDuring(tx, 'complaint_facts', () => writeFacts(tx, facts));
      throw rolledBack;
    });
    await expect(run).rejects.toBe(rolledBack);
    expect(writing?.seqScans).toBe(0);
    expect(writing?.indexScans).toBeGreaterThan(0);
    expect(writing?.rowsUpdated).toBe(2);
  });

  it('runs one rebuild at a time', async () => {
    const running = rebuildReadModels(db, undefined, 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(rebuildReadModels(db)).rejects.toBeInstanceOf(RebuildAlreadyRunningError);
    await running;
  });

  it('is what `npm run reporting:rebuild` runs, as the service login, with a progress bar', async () => {
    const before = await readModel(db);
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const { config } = harness.env;
      await rebuildCommand({ ...process.env, DATABASE_URL: config.databaseUrl, DATABASE_SUFFIX: config.databaseSuffix });
    } finally {
      process.stderr.write = write;
    }
    expect(written.join('')).toMatch(/\[#{30}\] 100% 200\/200 complaints/);
    expect(written.join('')).toMatch(/rebuilt the read models of 200 complaints/);
    expect(await readModel(db)).toEqual(before);
  });
});
