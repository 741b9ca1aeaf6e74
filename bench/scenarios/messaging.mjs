// P5: the outbox relay against raw amqplib confirmed publishing (100 in flight), and the event consumer
// (inbox row per event, prefetch 100) against raw amqplib consumption — in a vhost and database of their
// own, so the running services never see these events. P6: intake's TypeORM write path (customer upsert,
// complaint insert, outbox event, one transaction) against raw `pg` running the same statements.
import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { EVENTS_EXCHANGE } from '../../libs/contracts/dist/index.js';
import { EventConsumer } from '../../libs/messaging/dist/event-consumer.js';
import { AmqpConnection, EventPublisher, OutboxRelay, eventMessage } from '../../libs/messaging/dist/index.js';
import { TransactionRunner, databaseName, databaseUrl, openDataSource } from '../../libs/persistence/dist/index.js';
import { dueDates } from '../../services/intake/dist/domain/service-levels.js';
import { triageAtIntake } from '../../services/intake/dist/domain/triage/intake-triage.js';
import { ComplaintEntity } from '../../services/intake/dist/persistence/complaint.entity.js';
import { intakePersistence } from '../../services/intake/dist/persistence/intake-persistence.js';
import { upsertCustomer } from '../../services/intake/dist/submit-complaint/customer-records.js';
import { withCpu } from '../lib/processes.mjs';
import { ENV } from '../lib/system.mjs';
import { ratio, verdict } from '../lib/verdicts.mjs';
import { publishWindow } from '../calibration/calibrate.mjs';

const VHOST = 'redress_perf_messaging';
const SUFFIX = '_perf_messaging';
const silent = { log() {}, warn() {}, error() {}, debug() {}, verbose() {} };

function isolated(ctx) {
  return { ...ctx.config, databaseSuffix: SUFFIX, databasePoolSize: 8, rabbitmqUrl: `amqp://guest:guest@localhost:5672/${VHOST}` };
}

async function templateEnvelope(ctx) {
  const db = new pg.Client({ connectionString: databaseUrl(ctx.config.databaseUrl, databaseName(ctx.config, 'intake')) });
  await db.connect();
  const { rows } = await db.query(`SELECT envelope FROM outbox WHERE type = 'complaint.received' ORDER BY position DESC LIMIT 1`);
  await db.end();
  if (!rows.length) throw new Error('no complaint.received in the outbox of intake to copy');
  return rows[0].envelope;
}

const copies = (template, count) => Array.from({ length: count }, () => ({ ...template, id: randomUUID(), correlationId: randomUUID() }));

async function timed(work) {
  const started = performance.now();
  const count = await work();
  const seconds = (performance.now() - started) / 1000;
  return { count, seconds, perSecond: Math.round(count / seconds) };
}

const line = (ctx, label, r, unit = 'msg/s') => ctx.say(`  ${label.padEnd(58)} ${`${r.perSecond} ${unit}`.padStart(16)}  (${r.count} in ${r.seconds.toFixed(2)} s)  cpu: ${Object.entries(r.cpu).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${v}s`).join(', ')}`);

export async function p5(ctx) {
  const count = ctx.quick ? 5_000 : 20_000;
  const config = isolated(ctx);
  ctx.prepareVhost(VHOST);
  const template = await templateEnvelope(ctx);
  const dataSource = await openDataSource(config, intakePersistence);
  const connection = new AmqpConnection(config, 'intake', silent);
  connection.start();
  const model = await connection.waitForConnection(10_000); // declares the whole topology in the vhost
  const admin = await model.createChannel();
  const purgeAll = () => Promise.all(['intake', 'investigation', 'resolution', 'notification', 'reporting'].map((s) => admin.purgeQueue(`${s}.events`)));
  const m = {};
  try {
    await dataSource.query('TRUNCATE outbox, inbox');
    await purgeAll();
    // Baseline: the same envelopes, published raw with 100 unconfirmed in flight.
    const raw = await model.createConfirmChannel();
    const rawMessages = copies(template, count).map((e) => eventMessage(EVENTS_EXCHANGE, e, 'bench'));
    m.rawPublish = await withCpu(ctx.pids, () => timed(async () => {
      await publishWindow(count, 100, (i, confirmed) => raw.publish(rawMessages[i].exchange, rawMessages[i].routingKey, rawMessages[i].content, rawMessages[i].options, confirmed));
      return count;
    }));
    line(ctx, 'P5 baseline: raw amqplib confirmed publish, 100 in flight', m.rawPublish);
    await raw.close();
    await purgeAll();

    // System: rows committed to the outbox first, then the relay publishes them all.
    await dataSource.query(`INSERT INTO outbox (id, type, envelope) SELECT (e->>'id')::uuid, e->>'type', e FROM jsonb_array_elements($1::jsonb) AS e`, [JSON.stringify(copies(template, count))]);
    const relayOptions = process.env.BENCH_RELAY_BATCH ? { batchSize: Number(process.env.BENCH_RELAY_BATCH) } : {};
    const relay = new OutboxRelay({ service: 'intake', dataSource, databaseUrl: databaseUrl(config.databaseUrl, databaseName(config, 'intake')), connection, logger: silent }, relayOptions);
    m.relay = await withCpu(ctx.pids, () => timed(async () => {
      await relay.start();
      while ((await relay.store.pendingCount()) > 0) await new Promise((r) => setTimeout(r, 20));
      return count;
    }));
    await relay.stop();
    line(ctx, 'P5 system: outbox relay', m.relay);

    // Consumption: `count` events waiting in a queue, taken with prefetch 100.
    const queue = 'bench.consume';
    await admin.assertQueue(queue, { durable: false });
    await admin.bindQueue(queue, EVENTS_EXCHANGE, template.type);
    const load = async () => {
      const channel = await model.createConfirmChannel();
      await admin.purgeQueue(queue);
      const messages = copies(template, count).map((e) => eventMessage(EVENTS_EXCHANGE, e, 'bench'));
      await publishWindow(count, 500, (i, confirmed) => channel.publish(messages[i].exchange, messages[i].routingKey, messages[i].content, messages[i].options, confirmed));
      await channel.close();
      await purgeAll();
    };
    const consume = (handle) => timed(async () => {
      const channel = await model.createConfirmChannel();
      await channel.prefetch(100);
      let done = 0;
      let finished;
      const all = new Promise((resolve) => { finished = resolve; });
      await channel.consume(queue, (message) => {
        Promise.resolve(handle(channel, message)).then(() => { if (++done === count) finished(); });
      });
      await all;
      await channel.close();
      return count;
    });
    await load();
    m.rawConsume = await withCpu(ctx.pids, () => consume((channel, message) => channel.ack(message)));
    line(ctx, 'P5 baseline: raw amqplib consume + ack, prefetch 100', m.rawConsume);
    await load();
    const consumer = new EventConsumer({
      service: 'intake', retryDelaysMs: config.retryDelaysMs, transactions: new TransactionRunner(dataSource), logger: silent,
      eventHandler: () => async () => undefined, outagePauseMs: 1000,
    });
    m.consumer = await withCpu(ctx.pids, () => consume((channel, message) => consumer.consume(channel, message)));
    line(ctx, 'P5 system: event consumer (inbox row, ack after commit)', m.consumer);
    await admin.deleteQueue(queue);
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
  const ratios = { relay: ratio(m.relay.perSecond, m.rawPublish.perSecond), consumer: ratio(m.consumer.perSecond, m.rawConsume.perSecond) };
  return {
    measurements: m,
    ratios,
    goals: [
      verdict({ id: 'P5', what: 'outbox relay / raw amqplib confirmed publishing', op: '≥', target: 0.7, unit: '×' }, ratios.relay),
      verdict({ id: 'P5', what: 'event consumer (prefetch 100) / raw amqplib consumption', op: '≥', target: 0.8, unit: '×' }, ratios.consumer),
    ],
  };
}

function complaintRow(config, i, customerId, run) {
  const submitted = { subject: `Charged twice ${i}`, description: `Complaint ${i}: my card was charged twice.`, category: 'BILLING', severity: null };
  const triage = triageAtIntake(submitted);
  const receivedAt = new Date();
  return {
    id: randomUUID(), reference: `CMP-2026-${String(run + i).padStart(9, '0')}`, channel: 'PHONE', subject: submitted.subject, description: submitted.description,
    desiredOutcome: null, customerId, category: triage.category, severity: triage.severity, priority: triage.priority,
    suggestedCategory: triage.suggestion.category, suggestedSeverity: triage.suggestion.severity, triageReasons: triage.suggestion.reasons,
    status: 'RECEIVED', escalated: false, receivedAt, ...dueDates(receivedAt, triage.severity, config), cycle: 0, stage: 0, stageAt: receivedAt,
    submittedBy: 'bench-agent', possibleDuplicateOfId: null, acknowledgedAt: null, closedAt: null, slaPausedAt: null,
  };
}

const received = (complaint) => ({
  type: 'complaint.received', complaintId: complaint.id, reference: complaint.reference, actor: { id: 'bench-agent', role: 'AGENT' }, occurredAt: complaint.receivedAt,
  data: { cycle: 0, channel: complaint.channel, category: complaint.category, severity: complaint.severity, priority: complaint.priority, customerId: complaint.customerId,
    receivedAt: complaint.receivedAt.toISOString(), acknowledgementDueAt: complaint.acknowledgementDueAt.toISOString(), resolutionDueAt: complaint.resolutionDueAt.toISOString(), possibleDuplicateOfId: null },
});

async function inParallel(count, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < count) await work(next++); }));
  return count;
}

export async function p6(ctx) {
  const count = ctx.quick ? 2_000 : 8_000;
  const concurrency = 8;
  const config = isolated(ctx);
  const dataSource = await openDataSource(config, intakePersistence);
  const transactions = new TransactionRunner(dataSource);
  const events = new EventPublisher(transactions);
  const pool = new pg.Pool({ connectionString: databaseUrl(config.databaseUrl, databaseName(config, 'intake')), max: concurrency });
  const run = Date.now() % 1_000_000_000;
  const m = {};
  try {
    await dataSource.query('TRUNCATE outbox, complaints, customers CASCADE');
    // Baseline: the statements TypeORM would send, prepared outside the timing, run with raw pg.
    const statements = Array.from({ length: count }, (_, i) => {
      const customer = [randomUUID(), `Raw Customer ${i}`, `raw.${run}.${i}@example.com`, null];
      const complaint = complaintRow(config, i, customer[0], run); // a new email: the upsert inserts, returning this id
      const envelope = { ...received(complaint), id: randomUUID(), version: 1, correlationId: randomUUID(), occurredAt: complaint.receivedAt.toISOString() };
      return { customer, insert: dataSource.createQueryBuilder().insert().into(ComplaintEntity).values(complaint).getQueryAndParameters(), envelope };
    });
    const upsert = `INSERT INTO customers (id, name, email, phone) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, phone = COALESCE(EXCLUDED.phone, customers.phone), updated_at = now() RETURNING id`;
    const outbox = `WITH written AS (INSERT INTO outbox (id, type, envelope) VALUES ($1, $2, $3) RETURNING id) SELECT pg_notify('redress_outbox', '') FROM written`;
    m.raw = await withCpu(ctx.pids, () => timed(() => inParallel(count, concurrency, async (i) => {
      const { customer, insert, envelope } = statements[i];
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(upsert, customer);
        await client.query(insert[0], insert[1]);
        await client.query(outbox, [envelope.id, envelope.type, JSON.stringify(envelope)]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    })));
    line(ctx, 'P6 baseline: raw pg, same statements', m.raw, 'rows/s');
    m.typeorm = await withCpu(ctx.pids, () => timed(() => inParallel(count, concurrency, (i) => transactions.run(async (db) => {
      const customerId = await upsertCustomer(db, { name: `ORM Customer ${i}`, email: `orm.${run}.${i}@example.com`, phone: null }, true);
      const complaint = db.create(ComplaintEntity, complaintRow(config, count + i, customerId, run));
      await db.insert(ComplaintEntity, complaint);
      await events.publish(received(complaint));
    }))));
    line(ctx, 'P6 system: intake write path through TypeORM', m.typeorm, 'rows/s');
  } finally {
    await pool.end();
    await dataSource.destroy();
  }
  const ratios = { writes: ratio(m.typeorm.perSecond, m.raw.perSecond) };
  return {
    measurements: m,
    ratios,
    goals: [verdict({ id: 'P6', what: 'TypeORM write path / raw pg, same rows', op: '≥', target: 0.4, unit: '×' }, ratios.writes)],
  };
}
