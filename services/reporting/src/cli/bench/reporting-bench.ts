import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig, type RedressConfig } from '@redress/config';
import { databaseName, databaseUrl, openDataSource, TransactionRunner } from '@redress/persistence';
import { streamComplaintLog } from '../../complaint-log/stream-complaint-log.js';
import { ComplaintMetricsQuery } from '../../complaint-metrics/complaint-metrics.query.js';
import { parseQuarter } from '../../domain/quarter.js';
import { prepareReportingDatabase } from '../../persistence/reporting-database.js';
import { reportingPersistence } from '../../persistence/reporting-persistence.js';
import { vacuumReadModels } from '../../persistence/vacuum-read-models.js';
import { rebuildReadModels } from '../../rebuild/rebuild-read-models.js';
import { ProgressBar } from '../progress-bar.js';
import { BENCH_EVENTS_SQL } from './bench-events.sql.js';

/** Two years of complaints, so that eight whole quarters (2024-Q4 to 2026-Q3) hold an eighth each. */
const FROM = new Date('2024-10-01T00:00:00Z');
const TO = new Date('2026-10-01T00:00:00Z');
const QUARTERS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((q) => parseQuarter(q));
const CHUNK = 25_000;

const log = (line: string) => process.stdout.write(`${line}\n`);
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const latency = (values: number[]) => `p50 ${pct(values, 50).toFixed(1)} ms  p95 ${pct(values, 95).toFixed(1)} ms  p99 ${pct(values, 99).toFixed(1)} ms  (${values.length} runs)`;

/**
 * `npm run bench:reporting -- [--complaints 1000000] [--iterations 200] [--reuse]`: events for N
 * complaints written in bulk into `redress_reporting_bench`, the read model built from them by the
 * rebuild, then complaintMetrics for a quarter timed (p50/p95/p99) and the whole complaint log exported.
 */
export async function reportingBench(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { complaints: { type: 'string', default: '1000000' }, iterations: { type: 'string', default: '200' }, reuse: { type: 'boolean', default: false } } });
  const complaints = Number(values.complaints);
  const config: RedressConfig = { ...loadConfig(env), databaseSuffix: '_bench' };
  const ownerUrl = databaseUrl(config.databaseUrl, databaseName(config, 'reporting'));
  if (!values.reuse) await dropBenchDatabase(config);
  const app = await openDataSource(await prepareReportingDatabase(config), reportingPersistence);
  try {
    const [{ n: stored }] = await app.query('SELECT count(*)::int AS n FROM complaint_facts');
    if (!values.reuse || stored === 0) {
      await writeEvents(ownerUrl, complaints);
      await buildReadModel(app, config);
    }
    await timeMetrics(app, Number(values.iterations));
    await timeRawScan(app);
    await timeExport(app);
  } finally {
    await app.destroy();
  }
}

async function dropBenchDatabase(config: RedressConfig): Promise<void> {
  const name = databaseName(config, 'reporting');
  if (!name.endsWith('_bench')) throw new Error(`refusing to drop ${name}`);
  const client = new pg.Client({ connectionString: databaseUrl(config.databaseUrl, 'postgres') });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
}

async function writeEvents(ownerUrl: string, complaints: number): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const bar = new ProgressBar('complaints');
  const started = performance.now();
  try {
    for (let first = 1; first <= complaints; first += CHUNK) {
      await client.query(BENCH_EVENTS_SQL, [first, Math.min(first + CHUNK - 1, complaints), complaints, FROM, TO]);
      bar.update(Math.min(first + CHUNK - 1, complaints), complaints);
    }
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM event_store')).rows;
    const seconds = (performance.now() - started) / 1000;
    bar.finish(`wrote ${n.toLocaleString('en-US')} events for ${complaints.toLocaleString('en-US')} complaints in ${seconds.toFixed(1)} s (${Math.round(n / seconds).toLocaleString('en-US')} events/s)`);
    await client.query('ANALYZE event_store');
  } finally {
    await client.end();
  }
}

async function buildReadModel(app: DataSource, ownerConfig: RedressConfig): Promise<void> {
  const bar = new ProgressBar('complaints');
  const started = performance.now();
  const result = await rebuildReadModels(app, ({ complaints, total }) => bar.update(complaints, total), 2000);
  const seconds = (performance.now() - started) / 1000;
  bar.finish(`rebuilt the read model of ${result.complaints.toLocaleString('en-US')} complaints in ${seconds.toFixed(1)} s (${Math.round(result.complaints / seconds).toLocaleString('en-US')} complaints/s), then VACUUM ANALYZE as the rebuild command does`);
  await vacuumReadModels(ownerConfig);
  const [{ rows }] = await app.query('SELECT count(*)::int AS rows FROM metric_daily');
  log(`daily rollup rows: ${rows.toLocaleString('en-US')}`);
}

async function timeMetrics(app: DataSource, iterations: number): Promise<void> {
  const query = new ComplaintMetricsQuery(new TransactionRunner(app));
  for (let i = 0; i < 16; i += 1) await query.execute(QUARTERS[i % QUARTERS.length]);
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await query.execute(QUARTERS[i % QUARTERS.length]);
    times.push(performance.now() - started);
  }
  const sample = await query.execute(QUARTERS[4]);
  log(`complaintMetrics for a quarter (${sample.received.toLocaleString('en-US')} complaints received in ${QUARTERS[4].label}): ${latency(times)}`);
  const [check] = await app.query(
    `SELECT count(*)::int AS received, count(*) FILTER (WHERE status = 'CLOSED')::int AS closed,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY resolve_ms) FILTER (WHERE resolved_at IS NOT NULL)) / 3600000.0 AS median
       FROM complaint_facts WHERE received_at >= $1 AND received_at < $2`,
    [QUARTERS[4].from, QUARTERS[4].to],
  );
  const agrees = check.received === sample.received && check.closed === sample.closed && Math.abs(check.median - (sample.medianHoursToResolve ?? 0)) < 1e-9;
  log(`  cross-check against a full scan of ${QUARTERS[4].label}: ${agrees ? 'received, closed and median agree' : `MISMATCH ${JSON.stringify({ check, sample: { received: sample.received, closed: sample.closed, median: sample.medianHoursToResolve } })}`}`);
}

/** The same questions answered by scanning the complaints instead of the rollups, for comparison. */
async function timeRawScan(app: DataSource): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 24; i += 1) {
    const quarter = QUARTERS[i % QUARTERS.length];
    const started = performance.now();
    await app.query(
      `SELECT count(*), count(*) FILTER (WHERE status = 'CLOSED'), count(*) FILTER (WHERE escalated),
              count(*) FILTER (WHERE acknowledged_at <= acknowledgement_due_at), avg(rating),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY resolve_ms) FILTER (WHERE resolved_at IS NOT NULL)
         FROM complaint_facts WHERE received_at >= $1 AND received_at < $2`,
      [quarter.from, quarter.to],
    );
    await app.query('SELECT category, count(*) FROM complaint_facts WHERE received_at >= $1 AND received_at < $2 GROUP BY category', [quarter.from, quarter.to]);
    times.push(performance.now() - started);
  }
  log(`for comparison, a scan of the quarter's complaints instead of the rollups (totals, median, one breakdown): ${latency(times)}`);
}

async function timeExport(app: DataSource): Promise<void> {
  let bytes = 0;
  const started = performance.now();
  const rows = await streamComplaintLog(app.manager, { from: FROM, to: TO }, async (chunk) => {
    bytes += Buffer.byteLength(chunk);
  });
  const seconds = (performance.now() - started) / 1000;
  const memory = process.memoryUsage().rss / 1_048_576;
  log(`complaint log CSV: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1_048_576).toFixed(0)} MiB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s (${(bytes / 1_048_576 / seconds).toFixed(1)} MiB/s); process RSS ${memory.toFixed(0)} MiB`);
}
