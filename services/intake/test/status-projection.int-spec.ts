import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SubgraphHarness, envelope, staff, waitFor } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { submitComplaint } from './intake-client.js';

const STATUS = `query($id: ID!) { complaint(id: $id) { status closedAt } }`;

describe('intake: the status projection of SPEC §5', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  const status = async (id: string) => (await harness.query<{ complaint: { status: string; closedAt: string | null } }>(STATUS, { id }, staff('QA'))).data!.complaint;
  const settled = () => waitFor(async () => (await harness.queueDepth('intake.events')) === 0, { description: 'intake.events drained' });
  const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();

  it('follows the process from the other services’ events, whatever order they arrive in', async () => {
    const { id } = await submitComplaint(harness);
    const t = Date.now();
    const proposalId = randomUUID();
    const investigationId = randomUUID();
    // Published newest first: each earlier event arrives after a later one was applied.
    await harness.publish(envelope('complaint.closed', id, { cycle: 0, closedAt: at(t, 60), overridden: false }, { occurredAt: at(t, 60) }));
    await harness.publish(envelope('followup.recorded', id, { cycle: 0, satisfied: true, rating: 5, via: 'SURVEY' }, { occurredAt: at(t, 50) }));
    await settled();
    expect(await status(id)).toEqual({ status: 'CLOSED', closedAt: at(t, 60) });
    await harness.publish(envelope('resolution.implemented', id, { cycle: 0, proposalId, optionId: randomUUID(), type: 'REFUND', amount: 20, currency: 'EUR' }, { occurredAt: at(t, 40) }));
    await harness.publish(envelope('investigation.started', id, { cycle: 0, investigationId }, { occurredAt: at(t, 10) }));
    await settled();
    expect((await status(id)).status).toBe('CLOSED');
  });

  it('applies a repeated event once and never moves backwards', async () => {
    const { id } = await submitComplaint(harness);
    const started = envelope('investigation.started', id, { cycle: 0, investigationId: randomUUID() });
    await harness.publish(started);
    await harness.publish(started);
    await settled();
    expect((await status(id)).status).toBe('INVESTIGATING');
    expect(await db.query('SELECT count(*)::int AS n FROM status_events WHERE complaint_id = $1', [id])).toEqual([{ n: 1 }]);
  });

  it('counts a new proposal after a rejection, even when the rejection is delivered after it', async () => {
    const { id } = await submitComplaint(harness);
    const t = Date.now();
    const [first, second] = [randomUUID(), randomUUID()];
    const options = [{ id: randomUUID(), type: 'APOLOGY' as const }];
    await harness.publish(envelope('resolution.proposed', id, { cycle: 0, proposalId: first, options }, { occurredAt: at(t, 1) }));
    await harness.publish(envelope('resolution.proposed', id, { cycle: 0, proposalId: second, options }, { occurredAt: at(t, 3) }));
    await settled();
    await harness.publish(envelope('resolution.rejected', id, { cycle: 0, proposalId: first, decidedBy: 'CUSTOMER' }, { occurredAt: at(t, 2) }));
    await settled();
    expect((await status(id)).status).toBe('RESOLUTION_PROPOSED');
    await harness.publish(envelope('resolution.accepted', id, { cycle: 0, proposalId: second, optionId: options[0].id, decidedBy: 'CUSTOMER' }, { occurredAt: at(t, 4) }));
    await settled();
    expect((await status(id)).status).toBe('RESOLUTION_ACCEPTED');
  });

  it('ignores events about a complaint it does not know, without failing them', async () => {
    await harness.publish(envelope('investigation.started', randomUUID(), { cycle: 0, investigationId: randomUUID() }));
    await settled();
    expect(await harness.queueDepth('intake.events.dlq')).toBe(0);
  });
});
