import {
  CALIBRATION_FLOOR,
  CALIBRATION_REFERENCE,
  judgeCalibration,
  latencyHistogram,
  ratio,
  soakFigures,
  summarise,
  throughput,
  verdict,
} from './verdicts.mjs';

const quiet = { ...CALIBRATION_REFERENCE };

describe('benchmark arithmetic', () => {
  it('summarises microsecond histograms in milliseconds', () => {
    const histogram = latencyHistogram();
    for (let ms = 1; ms <= 100; ms += 1) histogram.recordValue(ms * 1000);
    const summary = summarise(histogram);
    expect(summary.count).toBe(100);
    expect(summary.p50).toBeCloseTo(50, 0);
    expect(summary.p99).toBeCloseTo(99, 0);
    expect(summary.max).toBeCloseTo(100, 0);
  });

  it('summarises an empty histogram as nothing measured', () => {
    expect(summarise(latencyHistogram())).toEqual({ count: 0, mean: null, p50: null, p90: null, p99: null, max: null });
  });

  it('computes ratios against the baseline and refuses a missing or zero baseline', () => {
    expect(ratio(600, 1000)).toBe(0.6);
    expect(ratio(1, 3)).toBe(0.333);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(null, 10)).toBeNull();
    expect(ratio(10, undefined)).toBeNull();
  });

  it('judges goals in both directions, with the bound itself met', () => {
    const atLeast = { id: 'P1', what: 'rps', op: '≥', target: 0.6, unit: '×' } as const;
    expect(verdict(atLeast, 0.6).status).toBe('met');
    expect(verdict(atLeast, 0.59).status).toBe('missed');
    const below = { id: 'P4', what: 'p99', op: '<', target: 250, unit: ' ms' } as const;
    expect(verdict(below, 250).met).toBe(false);
    expect(verdict(below, 249.9).met).toBe(true);
  });

  it('never counts an unmeasured goal as met', () => {
    const goal = { id: 'P5', what: 'relay', op: '≥', target: 0.7, unit: '×' } as const;
    expect(verdict(goal, null)).toMatchObject({ met: false, status: 'not measured', measured: null });
    expect(verdict(goal, Number.NaN).status).toBe('not measured');
  });

  it('accepts a calibration at the quiet machine’s figures', () => {
    const judgement = judgeCalibration(quiet, { start: 20_000, end: 19_000, loadAverage: 0.3 });
    expect(judgement.void).toBe(false);
    expect(judgement.checks.every((check) => check.ok)).toBe(true);
  });

  it('voids a run whose machine is slow, loaded at the start or drifting during the run', () => {
    const slow = judgeCalibration({ ...quiet, pgInsertsPerSecond: CALIBRATION_REFERENCE.pgInsertsPerSecond * (CALIBRATION_FLOOR - 0.1) });
    expect(slow.void).toBe(true);
    expect(slow.reasons.join()).toContain('pgInsertsPerSecond');
    expect(judgeCalibration(quiet, { loadAverage: 3.5 }).reasons.join()).toContain('load average');
    expect(judgeCalibration(quiet, { start: 20_000, end: 12_000 }).reasons.join()).toContain('bare HTTP moved 40 %');
    const { httpRps: _missing, ...withoutHttp } = quiet;
    expect(judgeCalibration(withoutHttp).void).toBe(true);
  });

  it('measures soak growth from the end of minute 2 to the last minute', () => {
    const minutes = [
      { minute: 1, rssBytes: 100, p99: 30 },
      { minute: 2, rssBytes: 200, p99: 10 },
      { minute: 3, rssBytes: 210, p99: 11 },
      { minute: 4, rssBytes: 220, p99: 12 },
    ];
    expect(soakFigures(minutes)).toEqual({ rssGrowth: 0.1, p99Drift: 1.2 });
    expect(soakFigures(minutes.slice(0, 2))).toEqual({ rssGrowth: null, p99Drift: null });
  });

  it('computes closed-loop throughput', () => {
    expect(throughput(1500, 10)).toBe(150);
    expect(throughput(10, 0)).toBeNull();
  });
});
