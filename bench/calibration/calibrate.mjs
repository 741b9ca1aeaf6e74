// Calibration: what this machine does with no Redress code in the way — a bare node:http server, a
// pgbench-style insert, raw amqplib with 100 unconfirmed publishes in flight, raw BullMQ. Each figure is
// compared with a quiet machine's (verdicts.mjs); a run measured on a machine that is off is void.
import amqp from 'amqplib';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { closedLoop } from '../lib/load.mjs';
import { PORTS, VHOST, startProcess, stopProcess } from '../lib/system.mjs';

const PAYLOAD = Buffer.alloc(512, 'x');

export async function bareHttp(seconds) {
  const server = startProcess('bare-http', 'bench/calibration/bare-http-server.mjs', {}, [String(PORTS.http)]);
  try {
    await new Promise((r) => setTimeout(r, 500));
    const url = `http://127.0.0.1:${PORTS.http}/`;
    await closedLoop({ url, connections: 50, seconds: 1, request: () => ({ body: '{}', headers: {} }) });
    return (await closedLoop({ url, connections: 50, seconds, request: () => ({ body: '{}', headers: {} }) })).rps;
  } finally {
    await stopProcess(server);
  }
}

/** 8 clients, each inserting one row per autocommitted statement, like `pgbench -c 8` with an insert script. */
export async function pgInserts(databaseUrl, seconds) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query('CREATE TABLE IF NOT EXISTS bench_calibration (id bigserial PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  await admin.query('TRUNCATE bench_calibration');
  const clients = await Promise.all(Array.from({ length: 8 }, async () => { const c = new pg.Client({ connectionString: databaseUrl }); await c.connect(); return c; }));
  let inserts = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(clients.map(async (client) => {
    while (performance.now() < until) {
      await client.query({ name: 'calibration-insert', text: 'INSERT INTO bench_calibration (payload) VALUES ($1)', values: ['calibration row'] });
      inserts += 1;
    }
  }));
  const rate = inserts / ((performance.now() - started) / 1000);
  await Promise.all(clients.map((c) => c.end()));
  await admin.query('DROP TABLE bench_calibration');
  await admin.end();
  return Math.round(rate);
}

/** Raw amqplib: persistent 512 B messages to a classic queue, confirms awaited with 100 in flight. */
export async function amqpConfirmed(count) {
  const connection = await amqp.connect(`amqp://guest:guest@localhost:5672/${VHOST}`, { noDelay: true });
  const channel = await connection.createConfirmChannel();
  const queue = 'bench.calibration';
  await channel.assertQueue(queue, { durable: true });
  await channel.purgeQueue(queue);
  const started = performance.now();
  await publishWindow(count, 100, (i, confirmed) => channel.sendToQueue(queue, PAYLOAD, { persistent: true }, confirmed));
  const rate = count / ((performance.now() - started) / 1000);
  await channel.deleteQueue(queue);
  await connection.close();
  return Math.round(rate);
}

/** Calls `publish(i, confirmed)` `count` times, keeping at most `window` messages unconfirmed. */
export async function publishWindow(count, window, publish) {
  let inFlight = 0;
  let confirmed = 0;
  let wake;
  for (let i = 0; i < count; i += 1) {
    while (inFlight >= window) await new Promise((resolve) => { wake = resolve; });
    inFlight += 1;
    publish(i, (error) => {
      if (error) throw error;
      inFlight -= 1;
      confirmed += 1;
      wake?.();
    });
  }
  while (confirmed < count) await new Promise((resolve) => { wake = resolve; });
}

/** Raw BullMQ: addBulk in chunks of 1,000, then a no-op worker at concurrency 100 empties the queue. */
export async function bullmq(redisUrl, count) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const name = `calibration-${process.pid}`;
  const queue = new Queue(name, { connection, prefix: 'redress-perf' });
  const jobs = Array.from({ length: count }, (_, i) => ({ name: 'noop', data: { i }, opts: { removeOnComplete: true } }));
  let started = performance.now();
  for (let i = 0; i < count; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
  const adds = count / ((performance.now() - started) / 1000);
  let processed = 0;
  let allDone;
  const done = new Promise((resolve) => { allDone = resolve; });
  started = performance.now();
  const workerConnection = connection.duplicate();
  const worker = new Worker(name, async () => undefined, { connection: workerConnection, prefix: 'redress-perf', concurrency: 100 });
  worker.on('completed', () => { if (++processed === count) allDone(); });
  await done;
  const processedRate = count / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  return { adds: Math.round(adds), processed: Math.round(processedRate) };
}

export async function calibrate({ quick, databaseUrl, redisUrl }) {
  const seconds = quick ? 3 : 5;
  const httpRps = await bareHttp(seconds);
  const pgInsertsPerSecond = await pgInserts(databaseUrl, seconds);
  const amqpConfirmedPerSecond = await amqpConfirmed(quick ? 10_000 : 30_000);
  const bull = await bullmq(redisUrl, quick ? 10_000 : 30_000);
  return { httpRps, pgInsertsPerSecond, amqpConfirmedPerSecond, bullmqAddsPerSecond: bull.adds, bullmqProcessedPerSecond: bull.processed };
}
