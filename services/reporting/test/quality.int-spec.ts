import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotFound } from '@redress/errors';
import { RpcStandIn, SubgraphHarness, staff } from '@redress/testing';
import { ReportingModule } from '../src/reporting.module.js';
import { complaintStories } from './support/complaint-stories.js';
import { expectedMetrics, expectedStaffPerformance, oracleComplaints } from './support/metrics-oracle.js';
import { publishShuffled, waitUntilProjected } from './support/publishing.js';

const STAFF_PERFORMANCE = `query($from: DateTime!, $to: DateTime!) {
  staffPerformance(from: $from, to: $to) { staffId role handled medianHoursToResolve slaMetRate averageRating reopenRate }
}`;
const RECORD = `mutation($complaintId: ID!, $score: Int!, $checklist: [QualityCheckInput!]!, $feedback: String) {
  recordQualityReview(complaintId: $complaintId, score: $score, checklist: $checklist, feedback: $feedback) {
    id complaintId cycle reviewerId score checklist { item passed } feedback recordedAt
  }
}`;
const REVIEWS_OF = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Complaint { id qualityReviews { score reviewerId } } } }`;
const CREATE_ACTION = `mutation($input: ImprovementActionInput!) {
  createImprovementAction(input: $input) { id title ownerId dueAt status rootCause overdue createdBy completedAt }
}`;
const UPDATE_ACTION = `mutation($id: ID!, $changes: ImprovementActionChanges!) {
  updateImprovementAction(id: $id, changes: $changes) { id title status overdue completedAt }
}`;
const ACTIONS = `query($status: [ImprovementActionStatus!], $rootCause: RootCauseCategory) { improvementActions(status: $status, rootCause: $rootCause) { id title status } }`;
const QUARTER = `query($quarter: String!) {
  qualityReview(quarter: $quarter) {
    quarter from to metrics { received closed medianHoursToResolve } previousQuarter { received } trend { periodStart received closed }
    staffPerformance { staffId role handled }
    qualityReviews { count averageScore checklist { item passed total passRate } lowestScores { score complaintId } }
    improvementActions { title status }
  }
}`;

type Errors = { extensions?: { code?: string; field?: string } }[] | undefined;
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;

describe('reporting: staff performance, quality reviews and improvement actions', () => {
  let harness: SubgraphHarness;
  let intake: RpcStandIn;
  const intakeStates = new Map<string, { status: string; cycle: number }>();
  const events = complaintStories({ seed: 41, count: 100, from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-10-31T00:00:00Z') });
  const complaints = oracleComplaints(events);
  const closed = complaints.filter((c) => c.status === 'CLOSED');
  const qa = staff('QA', 'qa-quinn');

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    intake = await RpcStandIn.start(harness.env.config.rabbitmqUrl, 'intake', {
      'intake.complaint-state': ({ complaintId }: { complaintId: string }) => {
        const state = intakeStates.get(complaintId);
        if (!state) throw new NotFound('Complaint', complaintId);
        return { complaintId, reference: 'CMP-2026-999999', customerId: randomUUID(), escalated: false, category: null, severity: null, priority: null,
          receivedAt: new Date().toISOString(), resolutionDueAt: new Date().toISOString(), ...state };
      },
    });
    await publishShuffled(harness, events, 9);
    await waitUntilProjected(harness, events);
  }, 120_000);

  afterAll(async () => {
    await intake?.stop();
    await harness?.stop();
  });

  it('staffPerformance equals an independent count per agent and investigator', async () => {
    const from = '2026-10-01T00:00:00Z';
    const to = '2026-10-20T12:00:00Z';
    const { data, errors } = await harness.query<{ staffPerformance: Record<string, unknown>[] }>(STAFF_PERFORMANCE, { from, to }, staff('MANAGER'));
    expect(errors).toBeUndefined();
    const expected = expectedStaffPerformance(events, new Date(from), new Date(to), Date.now());
    expect(expected.map((e) => e.role)).toEqual(expect.arrayContaining(['AGENT', 'INVESTIGATOR']));
    expect(data!.staffPerformance.map(({ staffId, role, handled }) => ({ staffId, role, handled }))).toEqual(expected.map(({ staffId, role, handled }) => ({ staffId, role, handled })));
    expected.forEach((row, i) => {
      for (const field of ['medianHoursToResolve', 'slaMetRate', 'averageRating', 'reopenRate'] as const) {
        if (row[field] === null) expect(data!.staffPerformance[i][field]).toBeNull();
        else expect(data!.staffPerformance[i][field]).toBeCloseTo(row[field]!, 9);
      }
    });
  });

  describe('recordQualityReview', () => {
    const checklist = [{ item: 'Acknowledged personally', passed: true }, { item: 'Root cause recorded', passed: false }];

    it('records QA\'s review of a closed complaint, shown on the complaint', async () => {
      const target = closed[0];
      const { data, errors } = await harness.query<{ recordQualityReview: Record<string, unknown> }>(RECORD, { complaintId: target.id, score: 72, checklist, feedback: '  Good tone, slow follow-up.  ' }, qa);
      expect(errors).toBeUndefined();
      expect(data!.recordQualityReview).toMatchObject({ complaintId: target.id, cycle: 0, reviewerId: 'qa-quinn', score: 72, checklist, feedback: 'Good tone, slow follow-up.' });
      const reviews = await harness.query<{ _entities: { qualityReviews: unknown[] }[] }>(REVIEWS_OF, { representations: [{ __typename: 'Complaint', id: target.id }] }, staff('MANAGER'));
      expect(reviews.data!._entities[0].qualityReviews).toEqual([{ score: 72, reviewerId: 'qa-quinn' }]);
    });

    it('refuses a second review of the same closure', async () => {
      const { errors } = await harness.query(RECORD, { complaintId: closed[0].id, score: 90, checklist }, staff('MANAGER'));
      expect(codeOf(errors)).toBe('CONFLICT');
    });

    it('asks intake about a complaint reporting has not seen closed, and refuses one that is not', async () => {
      const open = complaints.find((c) => c.status !== 'CLOSED')!;
      intakeStates.set(open.id, { status: 'INVESTIGATING', cycle: 0 });
      expect(codeOf((await harness.query(RECORD, { complaintId: open.id, score: 50, checklist }, qa)).errors)).toBe('CONFLICT');
      const justClosed = randomUUID();
      intakeStates.set(justClosed, { status: 'CLOSED', cycle: 1 });
      const { data, errors } = await harness.query<{ recordQualityReview: { cycle: number } }>(RECORD, { complaintId: justClosed, score: 50, checklist }, qa);
      expect(errors).toBeUndefined();
      expect(data!.recordQualityReview.cycle).toBe(1);
      expect(codeOf((await harness.query(RECORD, { complaintId: randomUUID(), score: 50, checklist }, qa)).errors)).toBe('NOT_FOUND');
    });

    it.each([
      ['a score above 100', { score: 101 }, 'score'],
      ['a negative score', { score: -1 }, 'score'],
      ['a complaint id that is no UUID', { complaintId: 'not-a-uuid' }, 'complaintId'],
      ['a check named twice', { checklist: [{ item: 'Same', passed: true }, { item: ' same ', passed: false }] }, 'checklist[1].item'],
      ['a blank check', { checklist: [{ item: '   ', passed: true }] }, 'checklist[0].item'],
      ['feedback over 5,000 characters', { feedback: 'x'.repeat(5001) }, 'feedback'],
    ])('refuses %s naming the field, and stores nothing', async (_, change, field) => {
      const db = harness.app.get(DataSource);
      const before = (await db.query('SELECT count(*)::int AS n FROM quality_reviews'))[0].n;
      const { errors } = await harness.query(RECORD, { complaintId: closed[1].id, score: 80, checklist, ...change }, qa);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect((await db.query('SELECT count(*)::int AS n FROM quality_reviews'))[0].n).toBe(before);
    });

    it('is for QA and MANAGER', async () => {
      for (const role of ['AGENT', 'INVESTIGATOR', 'ADMIN'] as const) {
        expect(codeOf((await harness.query(RECORD, { complaintId: closed[2].id, score: 80, checklist }, staff(role))).errors)).toBe('FORBIDDEN');
      }
    });
  });

  describe('improvement actions', () => {
    const manager = staff('MANAGER', 'manager-mo');
    const action = (extra: Record<string, unknown> = {}) => ({ title: 'Confirm refunds by email', ownerId: 'agent-ada', dueAt: '2026-12-15T00:00:00Z', rootCause: 'PROCESS', ...extra });

    it('are created OPEN, changed, finished once, and listed soonest due first', async () => {
      const created = await harness.query<{ createImprovementAction: Record<string, unknown> }>(CREATE_ACTION, { input: action() }, manager);
      expect(created.errors).toBeUndefined();
      expect(created.data!.createImprovementAction).toMatchObject({ status: 'OPEN', rootCause: 'PROCESS', overdue: false, createdBy: 'manager-mo', completedAt: null });
      const id = created.data!.createImprovementAction.id as string;
      const late = await harness.query<{ createImprovementAction: { overdue: boolean; id: string } }>(CREATE_ACTION, { input: action({ title: 'Retrain the night shift', dueAt: '2026-10-01T00:00:00Z', rootCause: 'PEOPLE' }) }, qa);
      expect(late.data!.createImprovementAction.overdue).toBe(true);

      const started = await harness.query<{ updateImprovementAction: Record<string, unknown> }>(UPDATE_ACTION, { id, changes: { status: 'IN_PROGRESS', title: 'Confirm every refund by email' } }, qa);
      expect(started.data!.updateImprovementAction).toMatchObject({ status: 'IN_PROGRESS', title: 'Confirm every refund by email', completedAt: null });
      const done = await harness.query<{ updateImprovementAction: { completedAt: string | null } }>(UPDATE_ACTION, { id, changes: { status: 'DONE' } }, manager);
      expect(done.data!.updateImprovementAction.completedAt).not.toBeNull();
      expect(codeOf((await harness.query(UPDATE_ACTION, { id, changes: { status: 'OPEN' } }, manager)).errors)).toBe('CONFLICT');

      const listed = await harness.query<{ improvementActions: { title: string; status: string }[] }>(ACTIONS, {}, staff('ADMIN'));
      expect(listed.data!.improvementActions).toEqual([
        { id: late.data!.createImprovementAction.id, title: 'Retrain the night shift', status: 'OPEN' },
        { id, title: 'Confirm every refund by email', status: 'DONE' },
      ]);
      const open = await harness.query<{ improvementActions: { title: string }[] }>(ACTIONS, { status: ['OPEN', 'IN_PROGRESS'], rootCause: 'PEOPLE' }, staff('ADMIN'));
      expect(open.data!.improvementActions.map((a) => a.title)).toEqual(['Retrain the night shift']);
    });

    it('refuse bad input naming the field, unknown ids and other roles', async () => {
      expect((await harness.query(CREATE_ACTION, { input: action({ title: ' ' }) }, manager)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
      expect((await harness.query(UPDATE_ACTION, { id: randomUUID(), changes: {} }, manager)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes' });
      expect(codeOf((await harness.query(UPDATE_ACTION, { id: randomUUID(), changes: { status: 'DONE' } }, manager)).errors)).toBe('NOT_FOUND');
      expect(codeOf((await harness.query(CREATE_ACTION, { input: action() }, staff('AGENT'))).errors)).toBe('FORBIDDEN');
    });
  });

  it('qualityReview gathers the quarter: metrics, weekly trend, staff, reviews and actions', async () => {
    const { data, errors } = await harness.query<{ qualityReview: any }>(QUARTER, { quarter: '2026-q4' }, staff('QA'));
    expect(errors).toBeUndefined();
    const review = data!.qualityReview;
    const expected = expectedMetrics(events, new Date('2026-10-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), Date.now());
    expect(review).toMatchObject({ quarter: '2026-Q4', from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', previousQuarter: { received: 0 } });
    expect(review.metrics).toMatchObject({ received: expected.received, closed: expected.closed });
    expect(review.metrics.medianHoursToResolve).toBeCloseTo(expected.medianHoursToResolve!, 9);
    expect(review.trend[0].periodStart).toBe('2026-09-28T00:00:00.000Z');
    expect(review.trend.reduce((sum: number, p: { received: number }) => sum + p.received, 0)).toBe(expected.received);
    expect(review.staffPerformance.length).toBeGreaterThan(3);
    expect(review.qualityReviews).toMatchObject({
      count: 2, averageScore: 61,
      checklist: [{ item: 'Root cause recorded', passed: 0, total: 2, passRate: 0 }, { item: 'Acknowledged personally', passed: 2, total: 2, passRate: 1 }],
    });
    expect(review.qualityReviews.lowestScores.map((r: { score: number }) => r.score)).toEqual([50, 72]);
    expect(review.improvementActions.map((a: { title: string }) => a.title)).toEqual(['Retrain the night shift', 'Confirm every refund by email']);
    expect((await harness.query(QUARTER, { quarter: '2026-Q5' }, staff('QA'))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
  });
});
