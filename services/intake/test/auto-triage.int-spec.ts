import { DataSource } from 'typeorm';
import { SubgraphHarness, anonymous, staff } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { outboxEvents, submitComplaint } from './intake-client.js';

const READ = `query($id: ID!) { complaint(id: $id) {
  category severity priority escalated resolutionDueAt receivedAt
  escalations { cause escalatedBy }
  triage { category severity priority reasons }
} }`;

describe('intake: auto-triage at submission', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  const read = async (id: string) => (await harness.query<{ complaint: Record<string, unknown> & { receivedAt: string; resolutionDueAt: string } }>(READ, { id }, staff('AGENT'))).data!.complaint;

  it('suggests category and severity from the words, explains them, and starts the clocks from them', async () => {
    const { id } = await submitComplaint(harness, { subject: 'Charged twice', description: 'Somebody made an unauthorised payment with my card; I want a refund.' });
    const complaint = await read(id);
    expect(complaint).toMatchObject({ category: 'BILLING', severity: 'HIGH', priority: 'P2', escalated: false });
    expect(complaint.triage).toEqual({
      category: 'BILLING', severity: 'HIGH', priority: 'P2',
      reasons: [expect.stringMatching(/^category BILLING \(score \d+\): "charg…"/), 'severity HIGH: "unauthori…"'],
    });
    expect(Date.parse(complaint.resolutionDueAt) - Date.parse(complaint.receivedAt)).toBe(120 * 3_600_000);
    const [received] = await outboxEvents(db, id, 'complaint.received');
    expect(received.data).toMatchObject({ category: 'BILLING', severity: 'HIGH', priority: 'P2' });
  });

  it('keeps what an agent chose, with the suggestion beside it', async () => {
    const { id } = await submitComplaint(harness, { channel: 'PHONE', subject: 'Charged twice', description: 'Double charge.', category: 'SERVICE', severity: 'LOW' }, staff('AGENT'));
    expect(await read(id)).toMatchObject({ category: 'SERVICE', severity: 'LOW', priority: 'P4', triage: { category: 'BILLING', severity: 'MEDIUM' } });
  });

  it('makes a safety complaint CRITICAL and SAFETY and escalates it at once, even from the web form', async () => {
    const { id } = await submitComplaint(harness, { subject: 'Heater', description: 'The heater caught fire in the living room.' }, anonymous);
    const complaint = await read(id);
    expect(complaint).toMatchObject({ category: 'SAFETY', severity: 'CRITICAL', priority: 'P1', escalated: true, escalations: [{ cause: 'SAFETY', escalatedBy: null }] });
    expect(Date.parse(complaint.resolutionDueAt) - Date.parse(complaint.receivedAt)).toBe(48 * 3_600_000);
    expect((await outboxEvents(db, id)).map((e) => [e.type, e.data.cause ?? e.data.category])).toEqual([
      ['complaint.received', 'SAFETY'], ['complaint.escalated', 'SAFETY'],
    ]);
  });

  it('suggests nothing it cannot explain', async () => {
    const { id } = await submitComplaint(harness, { subject: 'Hello', description: 'Please call me back tomorrow.' });
    expect(await read(id)).toMatchObject({ category: null, severity: null, priority: null, triage: { category: null, severity: null, reasons: [] } });
  });
});
