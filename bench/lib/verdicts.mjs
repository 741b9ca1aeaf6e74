// The benchmark's arithmetic, kept free of I/O so that a unit spec can pin it down: histogram
// summaries, ratios against the baseline measured in the same run, goal verdicts, and whether the
// calibration says the machine was fit to measure on.
import hdr from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, up to an hour. */
export function latencyHistogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

/** `{ count, mean, p50, p90, p99, max }` in milliseconds from a histogram of microseconds. */
export function summarise(histogram) {
  if (histogram.totalCount === 0) return { count: 0, mean: null, p50: null, p90: null, p99: null, max: null };
  const ms = (us) => Math.round(us) / 1000;
  return {
    count: histogram.totalCount,
    mean: ms(histogram.mean),
    p50: ms(histogram.getValueAtPercentile(50)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
  };
}

/** `system / baseline`, rounded to 3 digits; null when either side is missing or the baseline is 0. */
export function ratio(system, baseline) {
  if (typeof system !== 'number' || typeof baseline !== 'number' || !Number.isFinite(system) || !Number.isFinite(baseline) || baseline === 0) return null;
  return Math.round((system / baseline) * 1000) / 1000;
}

/**
 * A goal is `{ id, what, measure, op, target, unit }` with `op` one of ≥, >, ≤, <. A missing measure
 * (scenario skipped or failed) is 'not measured', never 'met'.
 */
export function verdict(goal, measured) {
  if (typeof measured !== 'number' || !Number.isFinite(measured)) return { ...goal, measured: null, met: false, status: 'not measured' };
  const compare = { '≥': (a, b) => a >= b, '>': (a, b) => a > b, '≤': (a, b) => a <= b, '<': (a, b) => a < b }[goal.op];
  if (!compare) throw new Error(`Unknown comparison ${goal.op}`);
  const met = compare(measured, goal.target);
  return { ...goal, measured, met, status: met ? 'met' : 'missed' };
}

/**
 * What this harness measured on a quiet 2-core machine (Node 20, PostgreSQL, RabbitMQ 3.10 and Redis on
 * the same box, December 2026); the load generator shares the cores, hence below FACTS.md's wrk figures.
 * A run whose calibration falls below `floor` × reference is void: the machine was busy or slow.
 */
export const CALIBRATION_REFERENCE = {
  httpRps: 30_000,
  pgInsertsPerSecond: 12_000,
  amqpConfirmedPerSecond: 13_000,
  bullmqAddsPerSecond: 20_000,
  bullmqProcessedPerSecond: 14_000,
};
export const CALIBRATION_FLOOR = 0.6;
/** The bare HTTP server is measured again at the end; more than this drift means the run was disturbed. */
export const CALIBRATION_MAX_DRIFT = 0.25;
/** One-minute load average allowed when the run starts (2 cores). */
export const MAX_START_LOAD = 1.5;

/** Judges calibration figures: `{ void, reasons, checks }`. `end` (optional) is the bare HTTP figure measured last. */
export function judgeCalibration(figures, { start, end, loadAverage } = {}) {
  const reasons = [];
  const checks = Object.entries(CALIBRATION_REFERENCE).map(([name, reference]) => {
    const value = figures[name];
    const share = ratio(value, reference);
    const ok = share !== null && share >= CALIBRATION_FLOOR;
    if (!ok) reasons.push(`${name} ${value ?? 'not measured'} is below ${CALIBRATION_FLOOR} × ${reference}`);
    return { name, value: value ?? null, reference, share, ok };
  });
  if (typeof loadAverage === 'number' && loadAverage > MAX_START_LOAD) reasons.push(`load average ${loadAverage.toFixed(2)} > ${MAX_START_LOAD} when the run started`);
  if (typeof start === 'number' && typeof end === 'number') {
    const drift = Math.abs(end - start) / start;
    if (drift > CALIBRATION_MAX_DRIFT) reasons.push(`bare HTTP moved ${(drift * 100).toFixed(0)} % between the start (${Math.round(start)}/s) and the end (${Math.round(end)}/s) of the run`);
  }
  return { void: reasons.length > 0, reasons, checks };
}

/**
 * Soak verdict inputs from per-minute samples `[{ minute, rssBytes, p99 }]` (minute 1-based): RSS growth
 * from the end of minute 2 to the end, and the last minute's p99 over minute 2's.
 */
export function soakFigures(minutes) {
  const second = minutes.find((m) => m.minute === 2);
  const last = minutes[minutes.length - 1];
  if (!second || !last || last.minute <= 2) return { rssGrowth: null, p99Drift: null };
  return {
    rssGrowth: Math.round(((last.rssBytes - second.rssBytes) / second.rssBytes) * 1000) / 1000,
    p99Drift: ratio(last.p99, second.p99),
  };
}

/** Requests per second of a closed loop: completed requests over the measured seconds. */
export function throughput(completed, seconds) {
  return seconds > 0 ? Math.round((completed / seconds) * 10) / 10 : null;
}
