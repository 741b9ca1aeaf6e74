import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { REDIS } from '@redress/jobs';
import { SubgraphHarness, envelope, staff, waitFor } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { SlaClockReconciler } from '../src/jobs/sla-clock-reconciler.js';
import { SlaClockScheduler, alarmJobId } from '../src/jobs/sla-clock-scheduler.js';
import { errorCode, outboxEvents, submitComplaint } from './intake-client.js';

const CLOCKS = `query($id: ID!) { complaint(id: $id) {
  acknowledgementDueAt resolutionDueAt escalated slaPaused receivedAt
  escalations { cause escalatedBy }
  slaClocks { clock cycle state startedAt dueAt pausedAt atRiskAt breachedAt stoppedAt }
  slaPauses { pausedAt pausedBy reason resumedAt resumedBy resumeReason }
} }`;
const PAUSE = `mutation($id: ID!, $reason: String!) { pauseSlaClock(id: $id, reason: $reason) { slaPaused } }`;
const RESUME = `mutation($id: ID!, $reason: String) { resumeSlaClock(id: $id, reason: $reason) { slaPaused acknowledgementDueAt resolutionDueAt } }`;
const ASSESS = `mutation($id: ID!, $severity: Severity!) { assessComplaint(id: $id, input: { category: BILLING, severity: $severity, impact: LOW, urgency: LOW }) { resolutionDueAt } }`;

const HOUR = 3_600_000;
interface Clock { clock: string; state: string; dueAt: string; startedAt: string; atRiskAt: string | null; breachedAt: string | null; stoppedAt: string | null }
interface Complaint { acknowledgementDueAt: string; resolutionDueAt: string; escalated: boolean; slaPaused: boolean; receivedAt: string; escalations: { cause: string; escalatedBy: string | null }[]; slaClocks: Clock[]; slaPauses: Record<string, string | null>[] }

async function read(harness: SubgraphHarness, id: string): Promise<Complaint> {
  const response = await harness.query<{ complaint: Complaint }>(CLOCKS, { id }, staff('MANAGER'));
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.complaint;
}

/** Deletes every key under this harness's BullMQ prefix, as a Redis restart without persistence would. */
async function loseRedisData(harness: SubgraphHarness): Promise<number> {
  const redis = harness.app.get<Redis>(REDIS);
  const keys = await redis.keys(`${harness.env.config.bullPrefix}*`);
  if (keys.length) await redis.del(...keys);
  return keys.length;
}

const count = async (db: DataSource, id: string, type: string) => (await outboxEvents(db, id, type)).length;

describe('intake SLA clocks with tiny settings: at risk, breach, escalation — once each', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) =>
      IntakeModule.forRoot({ ...config, slaAckHours: 0.0005, slaResolutionHours: { CRITICAL: 0.0008, HIGH: 0.0008, MEDIUM: 0.0008, LOW: 0.0008 } }));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  it('warns at 80 %, breaches at the due time and escalates the complaint once', async () => {
    const { id } = await submitComplaint(harness);
    await waitFor(async () => (await count(db, id, 'complaint.sla_breached')) === 2, { timeoutMs: 15_000, description: 'both clocks breached' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const breached = await outboxEvents(db, id, 'complaint.sla_breached');
    const complaint = await read(harness, id);
    expect(breached.map((e) => e.data).sort((a, b) => String(a.clock).localeCompare(String(b.clock)))).toEqual([
      { cycle: 0, clock: 'ACKNOWLEDGEMENT', dueAt: complaint.acknowledgementDueAt },
      { cycle: 0, clock: 'RESOLUTION', dueAt: complaint.resolutionDueAt },
    ]);
    expect(await count(db, id, 'complaint.sla_at_risk')).toBe(2);
    expect((await outboxEvents(db, id, 'complaint.escalated')).map((e) => e.data)).toEqual([{ cycle: 0, cause: 'SLA_BREACH' }]);
    expect(complaint).toMatchObject({ escalated: true, escalations: [{ cause: 'SLA_BREACH', escalatedBy: null }] });
    for (const clock of complaint.slaClocks) {
      expect(clock.state).toBe('BREACHED');
      expect(Date.parse(clock.breachedAt!)).toBeGreaterThanOrEqual(Date.parse(clock.dueAt));
      expect(Date.parse(clock.atRiskAt!)).toBeLessThan(Date.parse(clock.dueAt));
    }
  });

  it('breaches once even when Redis loses its data before and after the breach', async () => {
    const { id } = await submitComplaint(harness);
    expect(await loseRedisData(harness)).toBeGreaterThan(0);
    await waitFor(async () => (await count(db, id, 'complaint.sla_breached')) === 2, { timeoutMs: 20_000, description: 'breaches after Redis lost the timers' });
    await loseRedisData(harness);
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(await count(db, id, 'complaint.sla_breached')).toBe(2);
    expect(await count(db, id, 'complaint.escalated')).toBe(1);
  });

  it('rings nothing while paused and moves the due dates by the paused time', async () => {
    const { id } = await submitComplaint(harness);
    await harness.query(PAUSE, { id, reason: 'Waiting for the customer’s receipts' }, staff('AGENT', 'agent-3'));
    const paused = await read(harness, id);
    expect(paused.slaClocks.map((c) => c.state)).toEqual(['PAUSED', 'PAUSED']);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await count(db, id, 'complaint.sla_at_risk') + (await count(db, id, 'complaint.sla_breached'))).toBe(0);
    const resumed = (await harness.query<{ resumeSlaClock: Complaint }>(RESUME, { id }, staff('AGENT', 'agent-3'))).data!.resumeSlaClock;
    const [pause] = (await read(harness, id)).slaPauses;
    const pausedFor = Date.parse(pause.resumedAt!) - Date.parse(pause.pausedAt!);
    expect(pausedFor).toBeGreaterThanOrEqual(4_000);
    expect(Date.parse(resumed.resolutionDueAt) - Date.parse(paused.resolutionDueAt)).toBe(pausedFor);
    expect(Date.parse(resumed.acknowledgementDueAt) - Date.parse(paused.acknowledgementDueAt)).toBe(pausedFor);
    await waitFor(async () => (await count(db, id, 'complaint.sla_breached')) === 2, { timeoutMs: 15_000, description: 'breaches after resuming' });
    const [first] = await outboxEvents(db, id, 'complaint.sla_breached');
    expect(Date.parse(first.occurredAt)).toBeGreaterThanOrEqual(Date.parse(resumed.acknowledgementDueAt));
  });
});

describe('intake SLA clocks with the default hours: due dates, re-arming, pauses', () => {
  let harness: SubgraphHarness;
  let scheduler: SlaClockScheduler;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    scheduler = harness.app.get(SlaClockScheduler);
  });

  afterAll(() => harness?.stop());

  const jobIds = async () => (await scheduler.queue.getJobs(['delayed', 'waiting', 'active'])).map((job) => job.id);

  it('starts both clocks at receipt, each with its timers, and re-arms the resolution clock when the severity changes', async () => {
    const { id, receivedAt } = await submitComplaint(harness);
    const started = await read(harness, id);
    expect(started.slaClocks).toEqual([
      expect.objectContaining({ clock: 'ACKNOWLEDGEMENT', state: 'RUNNING', startedAt: receivedAt, dueAt: new Date(Date.parse(receivedAt) + 24 * HOUR).toISOString() }),
      expect.objectContaining({ clock: 'RESOLUTION', state: 'RUNNING', startedAt: receivedAt, dueAt: new Date(Date.parse(receivedAt) + 240 * HOUR).toISOString() }),
    ]);
    await waitFor(async () => (await jobIds()).includes(alarmJobId(id, 'RESOLUTION', 0, 'BREACH')), { description: 'the resolution timers' });
    expect(await jobIds()).toEqual(expect.arrayContaining(['ACKNOWLEDGEMENT', 'RESOLUTION'].flatMap((clock) =>
      (['AT_RISK', 'BREACH'] as const).map((alarm) => alarmJobId(id, clock as 'RESOLUTION', 0, alarm)))));

    const { data } = await harness.query<{ assessComplaint: { resolutionDueAt: string } }>(ASSESS, { id, severity: 'CRITICAL' }, staff('AGENT'));
    expect(Date.parse(data!.assessComplaint.resolutionDueAt) - Date.parse(receivedAt)).toBe(48 * HOUR);
    await waitFor(async () => (await jobIds()).includes(alarmJobId(id, 'RESOLUTION', 1, 'BREACH')), { description: 'the re-armed timers' });
    const ids = await jobIds();
    expect(ids).not.toContain(alarmJobId(id, 'RESOLUTION', 0, 'BREACH'));
    const breach = await scheduler.queue.getJob(alarmJobId(id, 'RESOLUTION', 1, 'BREACH'));
    expect(breach!.timestamp + breach!.delay).toBeCloseTo(Date.parse(receivedAt) + 48 * HOUR, -3);
  });

  it('stops the acknowledgement clock when the email went out and the resolution clock when resolved', async () => {
    const { id } = await submitComplaint(harness);
    const sent = envelope('notification.sent', id, { notificationId: randomUUID(), kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL', causeEventId: randomUUID(), attempts: 1 });
    await harness.publish(sent);
    await harness.publish(envelope('resolution.implemented', id, { cycle: 0, proposalId: randomUUID(), optionId: randomUUID(), type: 'REFUND', amount: 5, currency: 'EUR' }));
    await waitFor(async () => (await read(harness, id)).slaClocks.every((clock) => clock.state === 'MET'), { description: 'both clocks met' });
    const [ack, resolution] = (await read(harness, id)).slaClocks;
    expect(ack.stoppedAt).toBe(sent.occurredAt);
    expect(resolution.stoppedAt).not.toBeNull();
    await waitFor(async () => !(await jobIds()).some((jobId) => jobId?.startsWith(id)), { description: 'the timers removed' });
    expect(errorCode(await harness.query(PAUSE, { id, reason: 'x' }, staff('AGENT')))).toBe('CONFLICT');
  });

  it('keeps pauses on record and refuses what does not fit', async () => {
    const { id } = await submitComplaint(harness);
    expect(errorCode(await harness.query(PAUSE, { id, reason: 'x' }, staff('QA')))).toBe('FORBIDDEN');
    expect((await harness.query(PAUSE, { id, reason: ' ' }, staff('AGENT'))).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect(errorCode(await harness.query(PAUSE, { id: randomUUID(), reason: 'x' }, staff('AGENT')))).toBe('NOT_FOUND');
    expect(errorCode(await harness.query(RESUME, { id }, staff('AGENT')))).toBe('CONFLICT');
    await harness.query(PAUSE, { id, reason: 'Awaiting photos' }, staff('AGENT', 'agent-9'));
    expect(errorCode(await harness.query(PAUSE, { id, reason: 'again' }, staff('AGENT')))).toBe('CONFLICT');
    await waitFor(async () => !(await jobIds()).some((jobId) => jobId?.startsWith(id)), { description: 'no timers while paused' });
    await harness.query(RESUME, { id, reason: 'Photos received' }, staff('MANAGER', 'mgr-2'));
    const complaint = await read(harness, id);
    expect(complaint.slaPaused).toBe(false);
    expect(complaint.slaPauses).toEqual([expect.objectContaining({ pausedBy: 'agent-9', reason: 'Awaiting photos', resumedBy: 'mgr-2', resumeReason: 'Photos received' })]);
    await waitFor(async () => (await jobIds()).includes(alarmJobId(id, 'RESOLUTION', 2, 'BREACH')), { description: 'timers again after resuming' });
  });

  it('arms every open clock from PostgreSQL when an instance starts after Redis lost everything', async () => {
    const { id } = await submitComplaint(harness);
    await waitFor(async () => (await jobIds()).includes(alarmJobId(id, 'ACKNOWLEDGEMENT', 0, 'BREACH')), { description: 'the timers' });
    harness.app.get(SlaClockReconciler).onApplicationShutdown(); // this instance stops watching, so only a start can re-arm
    await loseRedisData(harness);
    expect(await jobIds()).toEqual([]);
    const restarted = await NestFactory.create(IntakeModule.forRoot(harness.env.config), { logger: ['error'] });
    try {
      await restarted.init();
      await waitFor(async () => (await jobIds()).includes(alarmJobId(id, 'ACKNOWLEDGEMENT', 0, 'BREACH')), { description: 'the timers armed at start' });
      expect(await jobIds()).toEqual(expect.arrayContaining([alarmJobId(id, 'ACKNOWLEDGEMENT', 0, 'AT_RISK'), alarmJobId(id, 'RESOLUTION', 0, 'BREACH')]));
    } finally {
      await restarted.close();
    }
  });
});
