// The system under test, started by the benchmark on ports of its own (43xx, above the end-to-end
// slots' 4100–4299) with its own databases
// (`redress_<service>_perf`), RabbitMQ vhost and BullMQ prefix, so a developer's `npm start` and its
// data are left alone. Logs go to tmp/bench/logs/.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { GATEWAY_NODE_FLAGS } from '../../scripts/gateway-node-flags.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const TMP = join(ROOT, 'tmp', 'bench');
export const VHOST = 'redress_perf';
export const PORTS = { gateway: 4300, intake: 4301, investigation: 4302, resolution: 4303, notification: 4304, reporting: 4305, hive: 4310, http: 4320, smtp: 4309 };
export const SERVICES = ['intake', 'investigation', 'resolution', 'notification', 'reporting'];
export const SUPERGRAPH = join(TMP, 'supergraph.graphql');

export const ENV = {
  ...process.env,
  NODE_ENV: 'development',
  DATABASE_SUFFIX: '_perf',
  BULLMQ_PREFIX: 'redress-perf',
  RABBITMQ_URL: `amqp://guest:guest@localhost:5672/${VHOST}`,
  SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`,
  GATEWAY_PORT: String(PORTS.gateway),
  PUBLIC_URL: `http://localhost:${PORTS.gateway}`,
  SUPERGRAPH_PATH: SUPERGRAPH,
  ...Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_PORT`, String(PORTS[s])])),
};

export const subgraphUrl = (name) => `http://127.0.0.1:${PORTS[name]}/graphql`;
export const GATEWAY_URL = `http://127.0.0.1:${PORTS.gateway}/graphql`;
export const HIVE_URL = `http://127.0.0.1:${PORTS.hive}/graphql`;

/** The checked-in supergraph with the subgraph URLs pointed at the benchmark's ports (both gateways serve it). */
export function writeSupergraph() {
  mkdirSync(TMP, { recursive: true });
  let sdl = readFileSync(join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
  for (const name of SERVICES) sdl = sdl.replace(`url: "http://localhost:${4001 + SERVICES.indexOf(name)}/graphql"`, `url: "${subgraphUrl(name)}"`);
  for (const name of SERVICES) if (!sdl.includes(subgraphUrl(name))) throw new Error(`supergraph: no URL for ${name} to rewrite`);
  writeFileSync(SUPERGRAPH, sdl);
}

function rabbitmqctl(args) {
  try {
    execFileSync('rabbitmqctl', ['-q', ...args], { stdio: 'pipe' });
  } catch (error) {
    if (!/already exists|vhost_already_exists|no_such_vhost|does not exist/i.test(`${error.stderr}${error.stdout}`)) throw error;
  }
}

/**
 * Every run starts from nothing: the benchmark's databases, vhost and BullMQ keys of an earlier run are
 * removed. Otherwise each run would start with the complaints of all runs before it (intake re-arms
 * every open clock at start, which alone kept two cores busy for a minute after a few runs).
 */
export async function resetBenchState() {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432/postgres' });
  await admin.connect();
  try {
    const rows = (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'redress\\_%\\_perf%'`)).rows;
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  rabbitmqctl(['delete_vhost', VHOST]);
  const redis = new Redis(process.env.REDIS_URL || 'redis://localhost:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ENV.BULLMQ_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export function prepareVhost(vhost = VHOST) {
  rabbitmqctl(['add_vhost', vhost]);
  rabbitmqctl(['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
}

/** Starts `node <entry>` with the benchmark environment; `{ name, child, pid, url }`. */
export function startProcess(name, entry, extraEnv = {}, args = []) {
  mkdirSync(join(TMP, 'logs'), { recursive: true });
  const log = openSync(join(TMP, 'logs', `${name}.log`), 'w');
  // BENCH_PROFILE=gateway,intake writes V8 CPU profiles of those processes to tmp/bench/profiles/ (open in Chrome DevTools).
  const profile = (process.env.BENCH_PROFILE ?? '').split(',').includes(name) ? ['--cpu-prof', `--cpu-prof-dir=${join(TMP, 'profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, join(ROOT, entry), ...args], { cwd: ROOT, env: { ...ENV, ...extraEnv }, stdio: ['ignore', log, log] });
  child.on('exit', (code, signal) => {
    if (!child.expectedExit) process.stderr.write(`[bench] ${name} exited (${signal ?? code}); see tmp/bench/logs/${name}.log\n`);
  });
  return { name, child, pid: child.pid };
}

export async function waitReady(url, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

export async function stopProcess(running) {
  if (!running || running.child.exitCode !== null) return;
  running.child.expectedExit = true;
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Refuses to start when something else (an earlier run still stopping) holds one of the benchmark's ports. */
export async function assertPortsFree() {
  const busy = [];
  for (const [name, port] of Object.entries(PORTS)) {
    const free = await new Promise((resolve) => {
      const probe = createServer().once('error', () => resolve(false)).once('listening', () => probe.close(() => resolve(true)));
      probe.listen(port);
    });
    if (!free) busy.push(`${name} ${port}`);
  }
  if (busy.length) throw new Error(`ports in use: ${busy.join(', ')} — is an earlier benchmark still running?`);
}

/** The five services and the gateway; resolves once every one is ready. */
export async function startSystem() {
  writeSupergraph();
  await resetBenchState();
  prepareVhost();
  const processes = {};
  for (const name of SERVICES) processes[name] = startProcess(name, `services/${name}/dist/main.js`);
  await Promise.all(SERVICES.map((name) => waitReady(`http://127.0.0.1:${PORTS[name]}/health/ready`)));
  processes.gateway = startProcess('gateway', 'gateway/dist/main.js', { NODE_OPTIONS: GATEWAY_NODE_FLAGS.join(' ') });
  await waitReady(`http://127.0.0.1:${PORTS.gateway}/health/ready`);
  return processes;
}

/**
 * An SMTP server that accepts everything and notes when each recipient's message was accepted
 * (`accepted.get(address)` → epoch ms, the moment the DATA reply is sent).
 */
export async function startMailSink() {
  const accepted = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('end', () => {
        const at = performance.timeOrigin + performance.now();
        for (const rcpt of session.envelope.rcptTo) accepted.set(rcpt.address.toLowerCase(), at);
        callback();
      });
      stream.resume();
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORTS.smtp, '127.0.0.1', () => {
      server.off('error', reject);
      server.on('error', () => undefined); // a sender resetting mid-message is not the sink's failure
      resolve();
    });
  });
  return { accepted, close: () => new Promise((resolve) => server.close(resolve)) };
}
