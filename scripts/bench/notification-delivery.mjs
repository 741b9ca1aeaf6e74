// Benchmark of email delivery through notification's real path, on the real servers, in a vhost,
// databases and BullMQ prefix of its own (so it can run beside `npm start` and tests):
//   event on RabbitMQ → inbox transaction (contact details asked of intake over request/reply, templates
//   rendered, row stored) → BullMQ job → SMTP (pooled) → SENT + notification.sent in the outbox.
// A local SMTP server receives the mail; a stand-in answers intake's contact request as intake would.
// Usage: npm run bench:notification -- [--count 2000]   (build first: npm run build)
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { SMTPServer } from 'smtp-server';
import { SubgraphHarness, envelope } from '@redress/testing';
import { NotificationModule } from '../../services/notification/dist/notification.module.js';
import { loadNotificationSettings } from '../../services/notification/dist/config/notification-settings.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, progress: { type: 'boolean', default: false } } });
const count = Number(values.count);

// The SMTP server: records when each message was accepted.
const acceptedAt = new Map();
let allAccepted;
const done = new Promise((resolve) => { allAccepted = resolve; });
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      acceptedAt.set(session.envelope.rcptTo[0].address, performance.now());
      if (acceptedAt.size === count) allAccepted();
      callback();
    });
  },
});
smtp.on('error', () => undefined); // a sender resetting mid-message is not the sink's failure
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${smtp.server.address().port}`;

process.stdout.write('starting notification (own vhost, databases, BullMQ prefix)…\n');
const harness = await SubgraphHarness.start('notification', (config) => {
  const ours = { ...config, smtpUrl };
  return NotificationModule.forRoot(ours, loadNotificationSettings(ours, process.env));
});

// intake's contact request/reply, answered from memory.
const contacts = new Map();
const broker = await amqp.connect(harness.env.config.rabbitmqUrl);
const rpc = await broker.createChannel();
await rpc.prefetch(200);
await rpc.consume('intake.rpc', (message) => {
  const { complaintId } = JSON.parse(message.content.toString());
  const contact = contacts.get(complaintId);
  const body = contact ?? { error: { code: 'NOT_FOUND', message: 'no such complaint' } };
  rpc.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(body)), {
    correlationId: message.properties.correlationId, contentType: 'application/json', type: contact ? 'result' : 'error',
  });
  rpc.ack(message);
});

const events = Array.from({ length: count }, (_, i) => {
  const complaintId = randomUUID();
  const email = `bench.${i}.${complaintId.slice(0, 8)}@example.com`;
  const times = { receivedAt: new Date().toISOString(), acknowledgementDueAt: new Date(Date.now() + 86_400_000).toISOString(), resolutionDueAt: new Date(Date.now() + 864_000_000).toISOString() };
  contacts.set(complaintId, { complaintId, reference: `CMP-2026-${String(i).padStart(6, '0')}`, customerId: randomUUID(), customerName: `Bench Customer ${i}`, email, phone: null, status: 'RECEIVED', cycle: 0, ...times });
  return { email, event: envelope('complaint.received', complaintId, { cycle: 0, channel: 'WEB', customerId: contacts.get(complaintId).customerId, ...times }) };
});

const publisher = await broker.createConfirmChannel();
const publishedAt = new Map();
const started = performance.now();
for (const [i, { email, event }] of events.entries()) {
  publisher.publish('complaints.events', event.type, Buffer.from(JSON.stringify(event)), {
    persistent: true, contentType: 'application/json', messageId: event.id, type: event.type,
  });
  publishedAt.set(email, performance.now());
  if (i % 200 === 199) await publisher.waitForConfirms();
}
await publisher.waitForConfirms();
const published = performance.now();
const timeout = setTimeout(() => allAccepted(), 300_000);
// --progress: where the messages are each second (stored by the event handler, marked SENT, accepted by SMTP).
const { DataSource } = await import('typeorm');
const db = harness.app.get(DataSource);
const progress = values.progress && setInterval(async () => {
  const [{ stored, sent }] = await db.query(`SELECT count(*)::int AS stored, count(*) FILTER (WHERE status = 'SENT')::int AS sent FROM notifications`);
  process.stdout.write(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s: stored ${stored}, sent ${sent}, accepted ${acceptedAt.size}\n`);
}, 1000);
await done;
clearTimeout(timeout);
clearInterval(progress);
const finished = performance.now();

const latencies = [...acceptedAt].map(([email, at]) => at - publishedAt.get(email)).sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const seconds = (finished - started) / 1000;
process.stdout.write([
  `events published: ${count} in ${((published - started) / 1000).toFixed(2)} s`,
  `emails accepted by SMTP: ${acceptedAt.size}/${count} in ${seconds.toFixed(2)} s → ${(acceptedAt.size / seconds).toFixed(1)} emails/s`,
  `event published → email accepted: p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms`,
  '',
].join('\n'));

await publisher.close();
await broker.close();
await harness.stop();
await new Promise((resolve) => smtp.close(resolve));
if (acceptedAt.size < count) process.exitCode = 1;
