#!/usr/bin/env node
// `npm run bench`: calibration, then each scenario with its baseline measured right before it, every
// ratio against its goal, and bench/results/<date>.json. The servers (PostgreSQL, RabbitMQ, Redis) must
// be up; the benchmark starts the services, the gateway and an SMTP sink itself (ports 43xx, `_perf`
// databases, vhost `redress_perf`). See docs/performance.md.
// Usage: npm run bench -- [--only P1,P2] [--quick] [--soak-minutes 10] [--soak-rate 150] [--skip-calibration]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bareHttp, calibrate } from './calibration/calibrate.mjs';
import { config, signedIdentity, seedComplaints, staffToken } from './lib/graphql.mjs';
import { ROOT, assertPortsFree, prepareVhost, startMailSink, startSystem, stopProcess } from './lib/system.mjs';
import { judgeCalibration } from './lib/verdicts.mjs';
import { p1, p2 } from './scenarios/gateway.mjs';
import { p3, p4, settle } from './scenarios/submit.mjs';
import { p5, p6 } from './scenarios/messaging.mjs';
import { p7 } from './scenarios/soak.mjs';

const { values } = parseArgs({
  options: {
    only: { type: 'string' }, quick: { type: 'boolean', default: false },
    'soak-minutes': { type: 'string' }, 'soak-rate': { type: 'string', default: '150' }, 'skip-calibration': { type: 'boolean', default: false }, out: { type: 'string' },
  },
});
const quick = values.quick;
const only = new Set((values.only ?? 'P1,P2,P3,P4,P5,P6,P7').split(',').map((s) => s.trim().toUpperCase()));
const SCENARIOS = { P1: p1, P2: p2, P3: p3, P4: p4, P5: p5, P6: p6, P7: p7 };
const started = new Date();
const say = (line) => process.stdout.write(`${line}\n`);

const fmt = (v, digits = 1) => (v === null || v === undefined ? '–' : Number(v).toFixed(digits));
function print(label, r) {
  const rate = r.rps !== undefined ? `${fmt(r.rps)} req/s` : `${r.rate}/s offered`;
  // CPU per request is steadier than requests/s when something else shares the machine.
  const perRequest = (v) => (r.completed ? ` (${((v * 1000) / r.completed).toFixed(2)} ms/req)` : '');
  const cpu = Object.entries(r.cpu ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${v}s${perRequest(v)}`).join(', ');
  say(`  ${label.padEnd(58)} ${rate.padStart(16)}  p50 ${fmt(r.latency?.p50).padStart(7)} ms  p99 ${fmt(r.latency?.p99).padStart(7)} ms  errors ${r.errors}`);
  if (cpu) say(`  ${''.padEnd(58)} cpu: ${cpu}`);
}

async function ensureDatabase(name) {
  const admin = new pg.Client({ connectionString: new URL('/postgres', config.databaseUrl).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).catch((error) => { if (error.code !== '42P04') throw error; });
  await admin.end();
  return new URL(`/${name}`, config.databaseUrl).toString();
}

const report = {
  date: started.toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadavg()[0] },
  options: { quick, only: [...only] },
  calibration: null,
  scenarios: {},
};

say(`Redress benchmark — ${started.toISOString()}, ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${process.version}, load ${loadavg()[0].toFixed(2)}`);
let calibrationStart;
if (!values['skip-calibration']) {
  say('\nCalibration (no Redress code): bare node:http, pgbench-style inserts, raw amqplib (100 in flight), raw BullMQ');
  prepareVhost();
  const figures = await calibrate({ quick, databaseUrl: await ensureDatabase('redress_bench_calibration'), redisUrl: config.redisUrl });
  calibrationStart = figures.httpRps;
  report.calibration = { figures, ...judgeCalibration(figures, { loadAverage: report.machine.loadAverageAtStart }) };
  for (const check of report.calibration.checks) say(`  ${check.name.padEnd(28)} ${String(Math.round(check.value)).padStart(8)}  (${fmt(check.share, 2)} × the quiet machine's ${check.reference})${check.ok ? '' : '  ← LOW'}`);
}

await assertPortsFree();
const mail = await startMailSink();
const processes = {};
const extraPids = {};
const ctx = {
  quick,
  print,
  say,
  extraPids,
  pids: () => ({ ...Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, p.pid])), ...extraPids }),
  load: quick ? { seconds: 5, warmup: 2, connections: 32 } : { seconds: 15, warmup: 5, connections: 32 },
  soakMinutes: Number(values['soak-minutes'] ?? (quick ? 3 : 10)),
  soakRate: Number(values['soak-rate']),
  mail,
  config,
  prepareVhost,
};
let exitCode = 0;
try {
  say('\nStarting the five services and the gateway (tmp/bench/logs/)…');
  Object.assign(processes, await startSystem());
  ctx.tokens = { manager: await staffToken('bench-manager', ['MANAGER']), agent: await staffToken('bench-agent', ['AGENT']) };
  ctx.identity = await signedIdentity({ sub: 'bench-manager', roles: ['MANAGER'], anonymous: false, name: 'Bench MANAGER' });
  ctx.agentIdentity = await signedIdentity({ sub: 'bench-agent', roles: ['AGENT'], anonymous: false, name: 'Bench AGENT' });
  ctx.ids = await seedComplaints(quick ? 20 : 50, ctx.tokens);
  for (const [id, scenario] of Object.entries(SCENARIOS)) {
    if (!only.has(id)) continue;
    say(`\n${id}`);
    try {
      await settle(ctx); // nothing left over from the scenario before
      report.scenarios[id] = await scenario(ctx);
    } catch (error) {
      say(`  ${id} failed: ${error.stack}`);
      report.scenarios[id] = { error: error.message, goals: [] };
      exitCode = 1;
    }
  }
} finally {
  ctx.identity?.stop();
  ctx.agentIdentity?.stop();
  for (const p of Object.values(processes).reverse()) await stopProcess(p);
  await mail.close();
}

if (calibrationStart !== undefined) {
  const end = await bareHttp(quick ? 3 : 5);
  report.calibration = { ...report.calibration, httpRpsAtEnd: end, ...judgeCalibration(report.calibration.figures, { start: calibrationStart, end, loadAverage: report.machine.loadAverageAtStart }) };
}

say('\nGoals');
const goals = Object.values(report.scenarios).flatMap((s) => s.goals ?? []);
for (const g of goals) say(`  ${g.id}  ${g.what.padEnd(62)} ${`${fmt(g.measured, 3)}${g.unit}`.padStart(10)}  goal ${g.op} ${g.target}${g.unit}  ${g.status.toUpperCase()}`);
report.summary = { met: goals.filter((g) => g.met).length, goals: goals.length };
say(`  ${report.summary.met} of ${report.summary.goals} goals met`);
if (report.calibration?.void) {
  say(`\nTHIS RUN IS VOID — the machine was off:\n${report.calibration.reasons.map((r) => `  - ${r}`).join('\n')}`);
  exitCode = 2;
}
const file = values.out ?? join(ROOT, 'bench', 'results', `${started.toISOString().slice(0, 16).replace(':', '')}${quick ? '-quick' : ''}.json`);
mkdirSync(join(file, '..'), { recursive: true });
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
say(`\nResults: ${file}`);
process.exit(exitCode);
