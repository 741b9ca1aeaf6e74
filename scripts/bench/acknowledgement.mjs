// Benchmark of the first slice against a running system (`npm start` in another terminal):
// submit N complaints through the gateway at a given concurrency and measure
//   - submitComplaint latency and throughput at the gateway, and
//   - time from the submit response to `complaint.acknowledged` on the broker (email sent, status set).
// Usage: npm run bench:ack -- [--count 200] [--concurrency 10]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import amqp from 'amqplib';
import { SignJWT } from 'jose';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '10' } } });
const count = Number(values.count);
const concurrency = Number(values.concurrency);
const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
const secrets = JSON.parse(readFileSync(new URL('../../libs/config/dev-secrets.json', import.meta.url), 'utf8'));
const token = await new SignJWT({ roles: ['AGENT'], name: 'Bench Agent' }).setProtectedHeader({ alg: 'HS256' }).setSubject('bench-agent')
  .setExpirationTime('1h').sign(new TextEncoder().encode(process.env.JWT_SECRET ?? secrets.JWT_SECRET));

const connection = await amqp.connect(process.env.RABBITMQ_URL ?? 'amqp://guest:guest@localhost:5672');
const channel = await connection.createChannel();
const { queue } = await channel.assertQueue('', { exclusive: true });
await channel.bindQueue(queue, 'complaints.events', 'complaint.acknowledged');
const submittedAt = new Map();
const ackLatency = [];
let acknowledged = 0;
let allAcknowledged;
const done = new Promise((resolve) => { allAcknowledged = resolve; });
await channel.consume(queue, (message) => {
  const { complaintId } = JSON.parse(message.content.toString());
  const start = submittedAt.get(complaintId);
  if (start === undefined) return;
  ackLatency.push(performance.now() - start);
  if (++acknowledged === count) allAcknowledged();
}, { noAck: true });

const mutation = 'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }';
const submitLatency = [];
let next = 0;
const run = Date.now();
async function worker() {
  while (next < count) {
    const i = next++;
    const started = performance.now();
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: mutation, variables: { input: {
        channel: 'PHONE', customer: { name: `Bench Customer ${i}`, email: `bench.${run}.${i}@example.com` },
        subject: 'Benchmark complaint', description: `Complaint number ${i} of a benchmark run.` } } }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    submittedAt.set(body.data.submitComplaint.id, performance.now());
    submitLatency.push(performance.now() - started);
  }
}
const wall = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const submitSeconds = (performance.now() - wall) / 1000;
const timeout = setTimeout(() => allAcknowledged(), 120_000);
await done;
clearTimeout(timeout);
const totalSeconds = (performance.now() - wall) / 1000;
await connection.close();

const pct = (values, p) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const row = (name, v) => `${name.padEnd(34)} p50 ${pct(v, 50).toFixed(1).padStart(7)} ms   p95 ${pct(v, 95).toFixed(1).padStart(7)} ms   p99 ${pct(v, 99).toFixed(1).padStart(7)} ms`;
console.log(`complaints: ${count}, concurrency: ${concurrency}`);
console.log(row('submitComplaint (gateway)', submitLatency));
console.log(`submit throughput                  ${(count / submitSeconds).toFixed(1)} complaints/s`);
console.log(row('submit → complaint.acknowledged', ackLatency));
console.log(`acknowledged ${acknowledged}/${count} in ${totalSeconds.toFixed(1)} s (${(acknowledged / totalSeconds).toFixed(1)}/s end to end)`);
if (acknowledged < count) process.exitCode = 1;
