// P3: submitComplaint sustained through the gateway with every service running (baseline: the same
// mutation straight to intake). P4: submit → acknowledgement email accepted by the SMTP server at a
// fixed 100/s, and the asynchronous part (response sent → email job enqueued, from BullMQ's event stream).
import amqp from 'amqplib';
import { Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import { SUBMIT, submission } from '../lib/graphql.mjs';
import { closedLoop, openLoop } from '../lib/load.mjs';
import { withCpu } from '../lib/processes.mjs';
import { ENV, GATEWAY_URL, SERVICES, subgraphUrl } from '../lib/system.mjs';
import { latencyHistogram, ratio, summarise, verdict } from '../lib/verdicts.mjs';

function submits(tag, headers) {
  let i = 0;
  return (index) => ({ body: JSON.stringify({ query: SUBMIT, variables: { input: submission(tag, index ?? i++) } }), headers: headers() });
}

/** Waits until no service has events waiting and no email waits to be sent (the system has caught up). */
export async function settle(ctx, timeoutMs = 300_000) {
  const connection = await amqp.connect(ENV.RABBITMQ_URL);
  const channel = await connection.createChannel();
  const emails = new Queue('notification-delivery', { connection: { url: ctx.config.redisUrl }, prefix: ENV.BULLMQ_PREFIX });
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  try {
    while (Date.now() < until && quiet < 3) {
      const depths = await Promise.all(SERVICES.map((s) => channel.checkQueue(`${s}.events`).then((q) => q.messageCount)));
      const counts = await emails.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      quiet = depths.every((d) => d === 0) && Object.values(counts).every((c) => c === 0) ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await connection.close();
    await emails.close();
  }
  if (quiet < 3) ctx.say(`  (events or emails were still waiting after ${timeoutMs / 1000} s)`);
}

/** Commits in the benchmark's databases so far (PostgreSQL's statistics, flushed within about a second). */
async function commits(ctx) {
  const db = new pg.Client({ connectionString: ctx.config.databaseUrl });
  await db.connect();
  await new Promise((r) => setTimeout(r, 1500));
  const { rows: [{ total }] } = await db.query(`SELECT sum(xact_commit)::bigint AS total FROM pg_stat_database WHERE datname LIKE 'redress\\_%\\_perf'`);
  await db.end();
  return Number(total);
}

export async function p3(ctx) {
  const seconds = ctx.quick ? 10 : 30;
  const { connections } = ctx.load;
  const tag = `p3${Date.now()}`;
  const direct = () => ({ 'x-redress-identity': ctx.agentIdentity.current() });
  const staff = () => ({ authorization: `Bearer ${ctx.tokens.agent}` });
  const m = {};
  m.direct = await withCpu(ctx.pids, () => closedLoop({ url: subgraphUrl('intake'), connections, seconds, request: submits(`${tag}d`, direct) }));
  ctx.print('P3 baseline: submitComplaint straight to intake', m.direct);
  await settle(ctx);
  const commitsBefore = await commits(ctx);
  m.gateway = await withCpu(ctx.pids, () => closedLoop({ url: GATEWAY_URL, connections, seconds, request: submits(`${tag}g`, staff) }));
  ctx.print('P3 system: submitComplaint through the gateway', m.gateway);
  if (m.gateway.firstError) ctx.say(`  first error: ${m.gateway.firstError}`);
  const drainStarted = Date.now();
  m.drain = await withCpu(ctx.pids, async () => { await settle(ctx); return { seconds: (Date.now() - drainStarted) / 1000 }; });
  m.commitsPerComplaint = Math.round(((await commits(ctx)) - commitsBefore) / m.gateway.completed * 10) / 10;
  const cpuPerComplaint = Object.values(m.gateway.cpu).reduce((a, b) => a + b, 0) + Object.values(m.drain.cpu).reduce((a, b) => a + b, 0);
  m.cpuMsPerComplaint = Math.round((cpuPerComplaint * 1000) / m.gateway.completed * 10) / 10;
  ctx.say(`  every service caught up ${m.drain.seconds.toFixed(1)} s after the load stopped; per complaint, all processes: ${m.cpuMsPerComplaint} ms CPU, ${m.commitsPerComplaint} PostgreSQL commits`);
  return {
    measurements: m,
    ratios: { rps: ratio(m.gateway.rps, m.direct.rps) },
    goals: [
      verdict({ id: 'P3', what: 'submitComplaint through the gateway, sustained', op: '≥', target: 500, unit: '/s' }, m.gateway.rps),
      verdict({ id: 'P3', what: 'submitComplaint errors', op: '≤', target: 0, unit: '' }, m.gateway.errors),
    ],
  };
}

export async function p4(ctx) {
  const seconds = ctx.quick ? 10 : 30;
  // Below what P3 found sustainable first, to tell the pipeline's own latency from a backlog's.
  const below = await acknowledgementLatency(ctx, 25, seconds, 'P4 diagnostic at 25/s');
  await settle(ctx);
  const m = await acknowledgementLatency(ctx, 100, seconds, 'P4 system at 100/s');
  return {
    measurements: { at25: below, at100: m },
    goals: [
      verdict({ id: 'P4', what: 'submit → acknowledgement email accepted, p99 at 100/s', op: '<', target: 250, unit: ' ms' }, m.endToEnd.missing ? null : m.endToEnd.p99),
      verdict({ id: 'P4', what: 'response sent → email job enqueued, p99 at 100/s', op: '<', target: 20, unit: ' ms' }, m.asynchronous.missing ? null : m.asynchronous.p99),
    ],
  };
}

async function acknowledgementLatency(ctx, rate, seconds, label) {
  const tag = `p4r${rate}t${Date.now()}`;
  const staff = () => ({ authorization: `Bearer ${ctx.tokens.agent}` });
  const origin = performance.timeOrigin;
  const enqueued = new Map();
  const events = new QueueEvents('notification-delivery', { connection: { url: ctx.config.redisUrl }, prefix: ENV.BULLMQ_PREFIX });
  events.on('added', ({ jobId }, id) => enqueued.set(jobId, Number(id.split('-')[0])));
  await events.waitUntilReady();
  const due = [];
  const answered = [];
  await settle(ctx);
  const submit = await withCpu(ctx.pids, () => openLoop({
    url: GATEWAY_URL, rate, seconds, request: submits(tag, staff),
    onResult: ({ index, due: at, end }) => { due[index] = origin + at; answered[index] = origin + end; },
  }));
  ctx.print(`${label}: submitComplaint (the response)`, submit);
  const addresses = due.map((_, i) => `${tag}.${i}@example.com`);
  const until = Date.now() + 120_000;
  while (Date.now() < until && !addresses.every((a) => ctx.mail.accepted.has(a))) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 500));
  await events.close();

  const db = new pg.Client({ connectionString: new URL(`/redress_notification${ctx.config.databaseSuffix}`, ctx.config.databaseUrl).toString() });
  await db.connect();
  const { rows } = await db.query('SELECT id, recipient FROM notifications WHERE id = ANY($1::uuid[])', [[...enqueued.keys()]]);
  await db.end();
  const jobOf = new Map(rows.map((row) => [row.recipient.toLowerCase(), row.id]));

  const endToEnd = latencyHistogram();
  const asynchronous = latencyHistogram();
  let missingEmails = 0;
  let missingJobs = 0;
  addresses.forEach((address, i) => {
    const accepted = ctx.mail.accepted.get(address);
    if (accepted === undefined) missingEmails += 1;
    else endToEnd.recordValue(Math.max(1, Math.round((accepted - due[i]) * 1000)));
    const job = jobOf.get(address);
    if (job === undefined || !enqueued.has(job)) missingJobs += 1;
    else asynchronous.recordValue(Math.max(1, Math.round((enqueued.get(job) - answered[i]) * 1000)));
  });
  const m = { rate, submit, endToEnd: { ...summarise(endToEnd), missing: missingEmails }, asynchronous: { ...summarise(asynchronous), missing: missingJobs } };
  ctx.say(`  ${`${label}: submit → email accepted by SMTP`.padEnd(58)} p50 ${m.endToEnd.p50} ms  p99 ${m.endToEnd.p99} ms  max ${m.endToEnd.max} ms  missing ${missingEmails}`);
  ctx.say(`  ${`${label}: response sent → email job enqueued`.padEnd(58)} p50 ${m.asynchronous.p50} ms  p99 ${m.asynchronous.p99} ms  max ${m.asynchronous.max} ms  missing ${missingJobs}`);
  return m;
}
