// Benchmark of a complaint's whole staff path against a running system (`npm start` in another terminal):
// N complaints at a given concurrency, each driven back to back through the gateway —
//   submitComplaint → startInvestigation (routed) → completeInvestigation → proposeResolution →
//   recordCustomerDecision → markResolutionImplemented → recordFollowUp → closeComplaint
// — with no waiting between steps (each service decides on intake's state plus what it committed itself).
// Reports each operation's latency, complaints closed per second, and how long intake took to show each CLOSED.
// Usage: npm run bench:lifecycle -- [--count 100] [--concurrency 10]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100' }, concurrency: { type: 'string', default: '10' } } });
const count = Number(values.count);
const concurrency = Number(values.concurrency);
const gateway = `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
const secrets = JSON.parse(readFileSync(new URL('../../libs/config/dev-secrets.json', import.meta.url), 'utf8'));
const sign = (sub, roles) => new SignJWT({ roles, name: sub }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub)
  .setExpirationTime('2h').sign(new TextEncoder().encode(process.env.JWT_SECRET ?? secrets.JWT_SECRET));
const [agent, manager] = await Promise.all([sign('bench-agent', ['AGENT']), sign('bench-manager', ['MANAGER'])]);

async function call(query, variables, token) {
  const response = await fetch(gateway, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const run = Date.now();
const STEPS = [
  ['submitComplaint', agent, (c, i) => [`mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }`, { input: {
    channel: 'PHONE', category: 'BILLING', customer: { name: `Bench Customer ${i}`, email: `lifecycle.${run}.${i}@example.com` },
    subject: 'Charged twice', description: `Complaint ${i} of a lifecycle benchmark run.` } }], (c, d) => { c.id = d.submitComplaint.id; }],
  ['startInvestigation', agent, (c) => [`mutation($id: ID!) { startInvestigation(complaintId: $id) { id assigneeId } }`, { id: c.id }], (c, d) => { c.investigationId = d.startInvestigation.id; }],
  ['completeInvestigation', manager, (c) => [`mutation($id: ID!) { completeInvestigation(investigationId: $id, findings: "Duplicate capture", rootCause: { category: SYSTEM, summary: "Retry" }) { id } }`, { id: c.investigationId }]],
  ['proposeResolution', agent, (c) => [`mutation($id: ID!) { proposeResolution(complaintId: $id, options: [{ type: REFUND, description: "Refund", amount: 20, currency: "EUR" }]) { id } }`, { id: c.id }], (c, d) => { c.proposalId = d.proposeResolution.id; }],
  ['recordCustomerDecision', agent, (c) => [`mutation($id: ID!) { recordCustomerDecision(proposalId: $id, accept: true) { status } }`, { id: c.proposalId }]],
  ['markResolutionImplemented', agent, (c) => [`mutation($id: ID!) { markResolutionImplemented(proposalId: $id) { implementedAt } }`, { id: c.proposalId }]],
  ['recordFollowUp', agent, (c) => [`mutation($id: ID!) { recordFollowUp(complaintId: $id, satisfied: true, rating: 5) { rating } }`, { id: c.id }]],
  ['closeComplaint', agent, (c) => [`mutation($id: ID!) { closeComplaint(complaintId: $id, summary: "Refunded") { id } }`, { id: c.id }]],
];

await call(`mutation { upsertInvestigator(input: { id: "bench-investigator", name: "Bench", email: "bench@redress.local", categories: [BILLING], capacity: 1000 }) { id } }`, {}, manager);

const latency = Object.fromEntries(STEPS.map(([name]) => [name, []]));
const projectionLag = [];
const watching = [];
let next = 0;

/** How long after closeComplaint returned intake's status reads CLOSED (it applies complaint.closed from the broker). */
async function watchClosed(id) {
  const closed = performance.now();
  while ((await call(`query($id: ID!) { complaint(id: $id) { status } }`, { id }, agent)).complaint.status !== 'CLOSED') {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  projectionLag.push(performance.now() - closed);
}

async function worker() {
  while (next < count) {
    const i = next++;
    const complaint = {};
    for (const [name, token, request, keep] of STEPS) {
      const [query, variables] = request(complaint, i);
      const started = performance.now();
      const data = await call(query, variables, token);
      latency[name].push(performance.now() - started);
      keep?.(complaint, data);
    }
    watching.push(watchClosed(complaint.id));
  }
}
const wall = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - wall) / 1000;
await Promise.all(watching);

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
console.log(`\n${count} complaints from submission to CLOSED, concurrency ${concurrency}: ${seconds.toFixed(1)} s, ${(count / seconds).toFixed(1)} complaints/s (${(count * STEPS.length / seconds).toFixed(0)} mutations/s)`);
console.log(`operation                   p50 ms   p95 ms   p99 ms`);
for (const [name] of STEPS) console.log(`${name.padEnd(26)}${pct(latency[name], 50).toFixed(1).padStart(7)}${pct(latency[name], 95).toFixed(1).padStart(9)}${pct(latency[name], 99).toFixed(1).padStart(9)}`);
console.log(`intake status CLOSED after closeComplaint returned: p50 ${pct(projectionLag, 50).toFixed(0)} ms, p95 ${pct(projectionLag, 95).toFixed(0)} ms, max ${Math.max(...projectionLag).toFixed(0)} ms`);
