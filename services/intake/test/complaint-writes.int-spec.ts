import { DataSource } from 'typeorm';
import { SubgraphHarness, tableActivityDuring, type TableActivity } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { lockComplaint, saveComplaint } from '../src/persistence/complaint-lock.js';
import { submitComplaint } from './intake-client.js';

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
    let saving: TableActivity | undefined;
    await db.transaction(async (tx) => {
      const complaint = await lockComplaint(tx, id);
      complaint.escalated = true;
      complaint.escalatedAt = new Date('2026-05-01T10:00:00Z');
      complaint.triageReasons = [...complaint.triageReasons, 'manual'];
      saving = await tableActivityDuring(tx, 'complaints', () => saveComplaint(tx, complaint));
    });
    // The UPDATE finds its row once; TypeORM's save() read it first (two reads of the table).
    expect(saving!.seqScans + saving!.indexScans).toBe(1);
    expect(saving!.rowsUpdated).toBe(1);
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
    let unchanged: TableActivity | undefined;
    await db.transaction(async (tx) => {
      const complaint = await lockComplaint(tx, id);
      unchanged = await tableActivityDuring(tx, 'complaints', () => saveComplaint(tx, complaint));
      complaint.status = 'ACKNOWLEDGED';
      await saveComplaint(tx, complaint);
      complaint.status = 'RECEIVED';
      await saveComplaint(tx, complaint);
    });
    expect(unchanged).toEqual({ seqScans: 0, indexScans: 0, rowsUpdated: 0 });
    const [row] = await db.query('SELECT status FROM complaints WHERE id = $1', [id]);
    expect(row.status).toBe('RECEIVED');
  });
});
