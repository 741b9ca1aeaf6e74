import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SubgraphHarness, anonymous, envelope, staff, waitFor } from '@redress/testing';
import { IntakeModule } from '../src/intake.module.js';
import { errorCode, outboxEvents, submitComplaint } from './intake-client.js';

const ASSESS = `mutation($id: ID!, $input: AssessComplaintInput!) {
  assessComplaint(id: $id, input: $input) { id status category severity priority impact urgency assessedBy resolutionDueAt receivedAt escalated escalations { cause } }
}`;
const ESCALATE = `mutation($id: ID!, $reason: String!) { escalateComplaint(id: $id, reason: $reason) { id escalated escalatedAt escalations { cycle cause reason escalatedBy } } }`;
const REOPEN = `mutation($id: ID!, $reason: String!) { reopenComplaint(id: $id, reason: $reason) { id status cycle closedAt resolutionDueAt reopenings { cycle reason reopenedBy } } }`;
const READ = `query($id: ID!) { complaint(id: $id) { status cycle closedAt category } }`;

const HOUR = 3_600_000;
const billing = { category: 'BILLING', severity: 'HIGH', impact: 'HIGH', urgency: 'CRITICAL' };

describe('intake: assessment, escalation and reopening', () => {
  let harness: SubgraphHarness;
  let db: DataSource;

  beforeAll(async () => {
    harness = await SubgraphHarness.start('intake', (config) => IntakeModule.forRoot(config));
    db = harness.app.get(DataSource);
  });

  afterAll(() => harness?.stop());

  const settled = () => waitFor(async () => (await harness.queueDepth('intake.events')) === 0, { description: 'intake.events drained' });
  const read = async (id: string) => (await harness.query<{ complaint: Record<string, unknown> }>(READ, { id }, staff('AGENT'))).data!.complaint;
  async function close(id: string, cycle = 0) {
    await harness.publish(envelope('resolution.implemented', id, { cycle, proposalId: randomUUID(), optionId: randomUUID(), type: 'APOLOGY' }));
    await harness.publish(envelope('complaint.closed', id, { cycle, closedAt: new Date().toISOString(), overridden: true }));
    await settled();
  }

  describe('assessComplaint', () => {
    it('sets category, severity, priority from impact × urgency and the severity’s resolution clock, and announces it', async () => {
      const { id } = await submitComplaint(harness);
      const { data, errors } = await harness.query<{ assessComplaint: Record<string, string> }>(ASSESS, { id, input: billing }, staff('AGENT', 'agent-7'));
      expect(errors).toBeUndefined();
      const assessed = data!.assessComplaint;
      expect(assessed).toMatchObject({ status: 'ASSESSED', category: 'BILLING', severity: 'HIGH', priority: 'P1', impact: 'HIGH', urgency: 'CRITICAL', assessedBy: 'agent-7', escalated: false });
      expect(Date.parse(assessed.resolutionDueAt) - Date.parse(assessed.receivedAt)).toBe(120 * HOUR);
      const [event] = await outboxEvents(db, id, 'complaint.assessed');
      expect(event).toMatchObject({ actor: { id: 'agent-7', role: 'AGENT' }, data: { cycle: 0, category: 'BILLING', severity: 'HIGH', priority: 'P1', resolutionDueAt: assessed.resolutionDueAt } });
    });

    it('makes a safety complaint critical, P1 and escalated, and refuses a lower severity for it', async () => {
      const { id } = await submitComplaint(harness);
      const refused = await harness.query(ASSESS, { id, input: { category: 'SAFETY', severity: 'HIGH', impact: 'LOW', urgency: 'LOW' } }, staff('AGENT'));
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]).toMatchObject({ extensions: { field: 'input.severity' } });
      const { data } = await harness.query<{ assessComplaint: Record<string, unknown> }>(ASSESS, { id, input: { category: 'SAFETY', severity: 'CRITICAL', impact: 'LOW', urgency: 'LOW' } }, staff('MANAGER'));
      expect(data!.assessComplaint).toMatchObject({ priority: 'P1', escalated: true, escalations: [{ cause: 'SAFETY' }] });
      expect((await outboxEvents(db, id, 'complaint.escalated')).map((e) => e.data)).toEqual([{ cycle: 0, cause: 'SAFETY' }]);
    });

    it('answers FORBIDDEN, BAD_USER_INPUT, NOT_FOUND and CONFLICT in SPEC §2 order, changing nothing', async () => {
      const { id } = await submitComplaint(harness);
      expect(errorCode(await harness.query(ASSESS, { id, input: billing }, anonymous))).toBe('UNAUTHENTICATED');
      expect(errorCode(await harness.query(ASSESS, { id, input: billing }, staff('QA')))).toBe('FORBIDDEN');
      expect(errorCode(await harness.query(ASSESS, { id: 'nope', input: billing }, staff('AGENT')))).toBe('BAD_USER_INPUT');
      expect(errorCode(await harness.query(ASSESS, { id: randomUUID(), input: billing }, staff('AGENT')))).toBe('NOT_FOUND');
      await close(id);
      expect(errorCode(await harness.query(ASSESS, { id, input: billing }, staff('AGENT')))).toBe('CONFLICT');
      expect(await read(id)).toMatchObject({ status: 'CLOSED', category: 'DELIVERY' }); // as auto-triage left it
      expect(await outboxEvents(db, id, 'complaint.assessed')).toEqual([]);
    });
  });

  describe('escalateComplaint', () => {
    it('escalates once per cycle with the reason kept in intake, never in the event', async () => {
      const { id } = await submitComplaint(harness);
      const { data } = await harness.query<{ escalateComplaint: Record<string, unknown> }>(ESCALATE, { id, reason: ' Customer threatens to go to the press ' }, staff('AGENT', 'agent-2'));
      expect(data!.escalateComplaint).toMatchObject({
        escalated: true, escalations: [{ cycle: 0, cause: 'MANUAL', reason: 'Customer threatens to go to the press', escalatedBy: 'agent-2' }],
      });
      expect(errorCode(await harness.query(ESCALATE, { id, reason: 'again' }, staff('MANAGER')))).toBe('CONFLICT');
      const events = await outboxEvents(db, id, 'complaint.escalated');
      expect(events.map((e) => e.data)).toEqual([{ cycle: 0, cause: 'MANUAL' }]);
      expect(JSON.stringify(events)).not.toContain('press');
    });

    it('refuses other roles, a blank reason and a closed complaint', async () => {
      const { id } = await submitComplaint(harness);
      expect(errorCode(await harness.query(ESCALATE, { id, reason: 'x' }, staff('INVESTIGATOR')))).toBe('FORBIDDEN');
      const blank = await harness.query(ESCALATE, { id, reason: '   ' }, staff('AGENT'));
      expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
      expect(errorCode(await harness.query(ESCALATE, { id: randomUUID(), reason: 'x' }, staff('AGENT')))).toBe('NOT_FOUND');
      await close(id);
      expect(errorCode(await harness.query(ESCALATE, { id, reason: 'x' }, staff('AGENT')))).toBe('CONFLICT');
    });
  });

  describe('reopenComplaint', () => {
    it('starts a new cycle from RESOLVED, FOLLOWED_UP or CLOSED, for managers only', async () => {
      const { id } = await submitComplaint(harness);
      expect(errorCode(await harness.query(REOPEN, { id, reason: 'x' }, staff('MANAGER')))).toBe('CONFLICT');
      await close(id);
      expect(errorCode(await harness.query(REOPEN, { id, reason: 'x' }, staff('AGENT')))).toBe('FORBIDDEN');
      const before = Date.now();
      const { data } = await harness.query<{ reopenComplaint: Record<string, string> }>(REOPEN, { id, reason: 'The refund never arrived' }, staff('MANAGER', 'mgr-1'));
      const reopened = data!.reopenComplaint;
      expect(reopened).toMatchObject({ status: 'REOPENED', cycle: 1, closedAt: null, reopenings: [{ cycle: 1, reason: 'The refund never arrived', reopenedBy: 'mgr-1' }] });
      expect(Date.parse(reopened.resolutionDueAt)).toBeGreaterThanOrEqual(before + 240 * HOUR - 1000);
      expect((await outboxEvents(db, id, 'complaint.reopened')).map((e) => e.data)).toEqual([{ cycle: 1, resolutionDueAt: reopened.resolutionDueAt }]);
    });

    it('ignores the old cycle afterwards and lets the new one move, while assessment keeps the status', async () => {
      const { id } = await submitComplaint(harness);
      await close(id);
      await harness.query(REOPEN, { id, reason: 'Still broken' }, staff('MANAGER'));
      await harness.publish(envelope('followup.recorded', id, { cycle: 0, satisfied: false, rating: 1, via: 'SURVEY' }));
      await harness.publish(envelope('complaint.closed', id, { cycle: 0, closedAt: new Date().toISOString(), overridden: false }));
      await settled();
      expect(await read(id)).toMatchObject({ status: 'REOPENED', cycle: 1, closedAt: null });
      await harness.query(ASSESS, { id, input: billing }, staff('AGENT'));
      expect((await read(id)).status).toBe('REOPENED');
      await harness.publish(envelope('investigation.started', id, { cycle: 1, investigationId: randomUUID() }));
      await settled();
      expect(await read(id)).toMatchObject({ status: 'INVESTIGATING', cycle: 1 });
    });

    it('escalates again in the new cycle', async () => {
      const { id } = await submitComplaint(harness);
      await harness.query(ESCALATE, { id, reason: 'first' }, staff('AGENT'));
      await close(id);
      await harness.query(REOPEN, { id, reason: 'again' }, staff('MANAGER'));
      const { data } = await harness.query<{ escalateComplaint: { escalations: { cycle: number }[] } }>(ESCALATE, { id, reason: 'second' }, staff('AGENT'));
      expect(data!.escalateComplaint.escalations.map((e) => e.cycle)).toEqual([0, 1]);
    });
  });
});
