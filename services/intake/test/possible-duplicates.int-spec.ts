import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SubgraphHarness, staff } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { outboxEvents, submitComplaint } from './intake-client.js';

const DUPLICATES = `query($id: ID!) { complaint(id: $id) { id status possibleDuplicateOf { id } possibleDuplicates { id } } }`;

describe('intake: possible duplicates (pg_trgm), shown to staff, never merged', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  const customer = () => ({ name: 'Ada Lovelace', email: `ada.${randomUUID()}@example.com` });
  const charged = { subject: 'Charged twice for order 1234', description: 'My card was charged twice for order 1234 on Monday.' };
  const read = async (id: string) =>
    (await harness.query<{ complaint: { id: string; status: string; possibleDuplicateOf: { id: string } | null; possibleDuplicates: { id: string }[] } }>(DUPLICATES, { id }, staff('AGENT'))).data!.complaint;

  it('flags a similar complaint of the same customer within 30 days and announces it', async () => {
    const who = customer();
    const original = await submitComplaint(harness, { customer: who, ...charged });
    const repeat = await submitComplaint(harness, { customer: who, subject: 'Double charge on order 1234', description: 'I see two charges on my card for order 1234 from Monday' });
    expect(await read(repeat.id)).toMatchObject({ status: 'RECEIVED', possibleDuplicateOf: { id: original.id } });
    expect((await read(original.id)).possibleDuplicates).toEqual([{ id: repeat.id }]);
    expect(repeat.reference).not.toBe(original.reference);
    const [received] = await outboxEvents(db, repeat.id, 'complaint.received');
    expect(received.data.possibleDuplicateOfId).toBe(original.id);
  });

  it('names the original when a repeat is repeated again', async () => {
    const who = customer();
    const original = await submitComplaint(harness, { customer: who, ...charged });
    await submitComplaint(harness, { customer: who, ...charged });
    const third = await submitComplaint(harness, { customer: who, ...charged });
    expect((await read(third.id)).possibleDuplicateOf).toEqual({ id: original.id });
  });

  it('does not flag another customer’s complaint, an unrelated one, or one older than 30 days', async () => {
    const who = customer();
    const old = await submitComplaint(harness, { customer: who, ...charged });
    await db.query(`UPDATE complaints SET received_at = now() - interval '31 days' WHERE id = $1`, [old.id]);
    const someoneElse = await submitComplaint(harness, { customer: customer(), ...charged });
    const unrelated = await submitComplaint(harness, { customer: who, subject: 'Rude delivery driver', description: 'The driver threw the parcel over the fence.' });
    const afterMonth = await submitComplaint(harness, { customer: who, ...charged });
    for (const { id } of [someoneElse, unrelated, afterMonth]) expect((await read(id)).possibleDuplicateOf).toBeNull();
  });
});
