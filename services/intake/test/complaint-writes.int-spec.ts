import { DataSource } from 'typeorm';
import { SubgraphHarness } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { lockComplaint, saveComplaint } from '../src/persistence/complaint-lock.js';
import { submitComplaint } from './intake-client.js';

/** Statements a transaction sent, as PostgreSQL counted them for this table. */
const tableCounts = async (db: DataSource['manager']) =>
  (await db.query(`SELECT n_tup_upd::int AS updated, seq_scan::int + idx_scan::int AS scans FROM pg_stat_xact_user_tables WHERE relname = 'complaints'`))[0] as { updated: number; scans: number };

describe('intake: saving a locked complaint writes only what changed', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  it('updates the changed columns in one statement, without reading the row back, and keeps the others', async () => {
    const { id } = await submitComplaint(harness);
    const before = await db.query('SELECT * FROM complaints WHERE id = $1', [id]);
    let counts: { updated: number; scans: number } | undefined;
    await db.transaction(async (tx) => {
      const complaint = await lockComplaint(tx, id);
      const afterLock = await tableCounts(tx);
      complaint.escalated = true;
      complaint.escalatedAt = new Date('2026-05-01T10:00:00Z');
      complaint.triageReasons = [...complaint.triageReasons, 'manual'];
      await saveComplaint(tx, complaint);
      const afterSave = await tableCounts(tx);
      counts = { updated: afterSave.updated - afterLock.updated, scans: afterSave.scans - afterLock.scans };
    });
    expect(counts).toEqual({ updated: 1, scans: 1 }); // the UPDATE finds its row once; TypeORM's save() read it first (2 scans)
    const [after] = await db.query('SELECT * FROM complaints WHERE id = $1', [id]);
    expect(after).toEqual({
      ...before[0],
      escalated: true,
      escalated_at: new Date('2026-05-01T10:00:00Z'),
      triage_reasons: [...before[0].triage_reasons, 'manual'],
      updated_at: expect.any(Date),
    });
    expect(after.updated_at.getTime()).toBeGreaterThan(before[0].updated_at.getTime());
  });

  it('sends nothing when nothing changed, and writes a later change made in the same transaction', async () => {
    const { id } = await submitComplaint(harness);
    let unchanged: number | undefined;
    await db.transaction(async (tx) => {
      const complaint = await lockComplaint(tx, id);
      const start = (await tableCounts(tx)).updated;
      await saveComplaint(tx, complaint);
      unchanged = (await tableCounts(tx)).updated - start;
      complaint.status = 'ACKNOWLEDGED';
      await saveComplaint(tx, complaint);
      complaint.status = 'RECEIVED';
      await saveComplaint(tx, complaint);
    });
    expect(unchanged).toBe(0);
    const [row] = await db.query('SELECT status FROM complaints WHERE id = $1', [id]);
    expect(row.status).toBe('RECEIVED');
  });
});
