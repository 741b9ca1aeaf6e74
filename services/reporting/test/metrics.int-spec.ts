import { SubgraphHarness, staff } from '@redress/testing';
import { ReportingModule } from '../src/reporting.module.js';
import { complaintStories } from './support/complaint-stories.js';
import { expectedMetrics, expectedTrend } from './support/metrics-oracle.js';
import { publishShuffled, waitUntilProjected } from './support/publishing.js';

const METRICS = `query($from: DateTime!, $to: DateTime!) {
  complaintMetrics(from: $from, to: $to) {
    received open closed escalated acknowledgedWithinSlaRate resolvedWithinSlaRate meanHoursToAcknowledge medianHoursToResolve
    averageRating reopenRate escalationRate csatScore
    byCategory { key count } byChannel { key count } bySeverity { key count } byStatus { key count } topRootCauses { key count }
    ratingDistribution { key count } rootCausePareto { key count share cumulativeShare }
  }
}`;
const TREND = `query($interval: TrendInterval!, $from: DateTime!, $to: DateTime!, $category: Category) {
  complaintTrend(interval: $interval, from: $from, to: $to, category: $category) { periodStart received closed }
}`;
const FLOATS = ['acknowledgedWithinSlaRate', 'resolvedWithinSlaRate', 'meanHoursToAcknowledge', 'medianHoursToResolve', 'averageRating', 'reopenRate', 'escalationRate', 'csatScore'] as const;

describe('reporting: metrics and trend equal an independent count over the same events', () => {
  let harness: SubgraphHarness;
  const now = Date.now();
  const events = [
    ...complaintStories({ seed: 7, count: 140, from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-04-20T00:00:00Z') }),
    ...complaintStories({ seed: 8, count: 20, from: new Date(now - 86_400_000), to: new Date(now), freshShare: 1, now: new Date(now) }),
  ];
  const manager = staff('MANAGER');

  beforeAll(async () => {
    harness = await SubgraphHarness.start('reporting', (config) => ReportingModule.forRoot(config));
    await publishShuffled(harness, events, 11);
    await waitUntilProjected(harness, events);
  }, 120_000);

  afterAll(() => harness?.stop());

  async function metrics(from: string, to: string) {
    const { data, errors } = await harness.query<{ complaintMetrics: Record<string, unknown> }>(METRICS, { from, to }, manager);
    expect(errors).toBeUndefined();
    return data!.complaintMetrics;
  }

  function expectMetricsEqual(actual: Record<string, unknown>, expected: Record<string, unknown>) {
    const floats = (m: Record<string, unknown>) => Object.fromEntries(FLOATS.map((f) => [f, m[f]]));
    const rest = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).filter(([k]) => !(FLOATS as readonly string[]).includes(k) && k !== 'rootCausePareto'));
    expect(rest(actual)).toEqual(rest(expected));
    for (const [field, value] of Object.entries(floats(expected))) {
      if (value === null) expect({ field, value: actual[field] }).toEqual({ field, value: null });
      else expect(actual[field]).toBeCloseTo(value as number, 9);
    }
    const pareto = actual.rootCausePareto as { key: string; count: number; share: number; cumulativeShare: number }[];
    expect(pareto.map(({ key, count }) => ({ key, count }))).toEqual((expected.rootCausePareto as { key: string; count: number }[]).map(({ key, count }) => ({ key, count })));
    (expected.rootCausePareto as { share: number; cumulativeShare: number }[]).forEach((e, i) => {
      expect(pareto[i].share).toBeCloseTo(e.share, 12);
      expect(pareto[i].cumulativeShare).toBeCloseTo(e.cumulativeShare, 12);
    });
  }

  it.each([
    ['a quarter of whole days', '2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    ['everything, up to now', '2025-12-01T00:00:00Z', new Date(now + 3_600_000).toISOString()],
    ['a range starting and ending inside days', '2026-01-20T13:45:00Z', '2026-03-03T08:10:30Z'],
    ['a few hours of one day', '2026-02-10T06:00:00Z', '2026-02-10T20:00:00Z'],
    ['the complaints whose clocks are still running', new Date(now - 86_400_000).toISOString(), new Date(now + 60_000).toISOString()],
    ['a month with nothing in it', '2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z'],
  ])('complaintMetrics over %s', async (_, from, to) => {
    const actual = await metrics(from, to);
    const expected = expectedMetrics(events, new Date(from), new Date(to), Date.now());
    expect(expected.received > 0 || from.startsWith('2025-06')).toBe(true);
    expectMetricsEqual(actual, expected);
  });

  it.each([
    ['DAY', '2026-02-01T12:00:00Z', '2026-02-09T00:00:00Z', null, ['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-07', '2026-02-08'], '2026-02-09'],
    ['WEEK', '2026-01-05T00:00:00Z', '2026-03-02T00:00:00Z', null, ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'], '2026-03-02'],
    ['MONTH', '2026-01-15T10:00:00Z', '2026-06-10T00:00:00Z', null, ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'], '2026-07-01'],
    ['MONTH', '2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z', 'BILLING', ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'], '2026-07-01'],
    ['QUARTER', '2025-12-31T23:00:00Z', '2026-05-05T05:05:05Z', 'DELIVERY', ['2025-10-01', '2026-01-01', '2026-04-01'], '2026-07-01'],
  ])('complaintTrend by %s from %s to %s (category %s)', async (interval, from, to, category, starts, end) => {
    const { data, errors } = await harness.query<{ complaintTrend: unknown[] }>(TREND, { interval, from, to, category }, staff('QA'));
    expect(errors).toBeUndefined();
    const expected = expectedTrend(events, starts.map((s) => new Date(`${s}T00:00:00Z`)), new Date(`${end}T00:00:00Z`), new Date(from), new Date(to), category);
    expect(expected.some((p) => p.received > 0 && p.closed > 0)).toBe(true);
    expect(data!.complaintTrend).toEqual(expected);
  });

  it('refuses a range that ends before it starts, naming the argument', async () => {
    const { errors } = await harness.query(METRICS, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, manager);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('refuses a trend of absurdly many points', async () => {
    const { errors } = await harness.query(TREND, { interval: 'DAY', from: '2000-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, manager);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'interval' });
  });

  it('serves metrics to MANAGER, QA and ADMIN only', async () => {
    const range = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    for (const role of ['QA', 'ADMIN'] as const) expect((await harness.query(METRICS, range, staff(role))).errors).toBeUndefined();
    for (const role of ['AGENT', 'INVESTIGATOR'] as const) expect((await harness.query(METRICS, range, staff(role))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
