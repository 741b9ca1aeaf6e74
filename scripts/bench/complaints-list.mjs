#!/usr/bin/env node
// Benchmark of the complaint list at scale, in its own database `redress_intake_bench` (dropped and rebuilt
// unless --reuse): N complaints of M customers seeded with SQL (intake's real migrations create the schema),
// then the real intake subgraph is started on that database and asked, over HTTP with a signed staff
// identity as the gateway sends it, for filtered and searched `complaints` pages (first page and a later
// page by cursor). Reports p50/p95/p99 per query and overall. Goal: p95 < 100 ms at 100,000 complaints.
// Usage: npm run bench:complaints-list -- [--complaints 100000] [--customers 20000] [--iterations 200] [--reuse]
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../../libs/config/dist/index.js';
import { openDataSource } from '../../libs/persistence/dist/index.js';
import { signIdentity } from '../../libs/auth/dist/index.js';
import { intakePersistence } from '../../services/intake/dist/persistence/intake-persistence.js';

const { values } = parseArgs({
  options: {
    complaints: { type: 'string', default: '100000' }, customers: { type: 'string', default: '20000' },
    iterations: { type: 'string', default: '200' }, reuse: { type: 'boolean', default: false },
  },
});
const COMPLAINTS = Number(values.complaints);
const CUSTOMERS = Number(values.customers);
const ITERATIONS = Number(values.iterations);
const PORT = 4198;
const VHOST = 'redress_bench';
const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_SUFFIX: '_bench', INTAKE_PORT: String(PORT), BULLMQ_PREFIX: 'redress-bench', RABBITMQ_URL: `amqp://guest:guest@localhost:5672/${VHOST}` };
const config = loadConfig(env);
const database = `redress_intake${config.databaseSuffix}`;
const serverUrl = new URL(config.databaseUrl);

async function seed() {
  const admin = new pg.Client({ connectionString: new URL('/postgres', serverUrl).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  const dataSource = await openDataSource(config, intakePersistence); // creates the database, runs intake's migrations
  await dataSource.destroy();
  const db = new pg.Client({ connectionString: new URL(`/${database}`, serverUrl).toString() });
  await db.connect();
  const started = performance.now();
  await db.query(`
    INSERT INTO customers (id, name, email, phone)
    SELECT gen_random_uuid(),
           (ARRAY['Grace','Ada','Alan','Linus','Margaret','Barbara','Edsger','Donald','Frances','Radia'])[1 + i % 10] || ' ' ||
           (ARRAY['Hopper','Lovelace','Turing','Torvalds','Hamilton','Liskov','Dijkstra','Knuth','Allen','Perlman'])[1 + (i / 10) % 10] || ' ' || i,
           'customer' || i || '@example.com', NULL
      FROM generate_series(1, $1) AS i`, [CUSTOMERS]);
  await db.query(`
    WITH c AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM customers)
    INSERT INTO complaints (id, reference, channel, subject, description, customer_id, category, severity, priority, status, escalated,
                            received_at, acknowledgement_due_at, resolution_due_at, cycle, stage, stage_at)
    SELECT gen_random_uuid(),
           'CMP-2026-' || lpad(i::text, 6, '0'),
           (ARRAY['WEB','EMAIL','PHONE','CHAT','LETTER'])[1 + i % 5],
           (ARRAY['Charged twice for order','Parcel arrived late','Refund not received','Rude staff at the store','Kettle stopped working',
                  'Wrong item delivered','Card declined at checkout','Cannot log into my account','Data shared without consent','Late fee applied'])[1 + i % 10] || ' ' || (i % 9973),
           (ARRAY['My card was charged twice for the same order.','The parcel came a week after the promised date.','I am still waiting for my refund.',
                  'The assistant was rude and shouted at me.','The kettle stopped working after two days.','I received a blue jumper instead of a red one.',
                  'The payment failed three times although my card is valid.','The password reset email never arrives.','You shared my email with a marketing partner.',
                  'A late fee was added although I paid on time.'])[1 + (i / 7) % 10] || ' ' ||
           (ARRAY['Please sort this out quickly.','I have called twice already.','This is not the first time.','I expect compensation.','Thank you.'])[1 + i % 5],
           c.id,
           (ARRAY['SERVICE','PRODUCT_DEFECT','BILLING','DELIVERY','STAFF_CONDUCT','POLICY','PRIVACY','SAFETY','OTHER'])[1 + (i * 7) % 9],
           (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + (i * 3) % 4],
           (ARRAY['P4','P3','P2','P1'])[1 + (i * 3) % 4],
           (ARRAY['RECEIVED','ACKNOWLEDGED','ASSESSED','INVESTIGATING','RESOLUTION_PROPOSED','RESOLVED','FOLLOWED_UP','CLOSED','CLOSED','CLOSED'])[1 + (i * 11) % 10],
           i % 17 = 0,
           t, t + interval '24 hours', t + interval '240 hours', 0, 0, t
      FROM generate_series(1, $1) AS i
      JOIN c ON c.n = 1 + (i * 7919) % $2
      CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01' + (i * interval '1 second' * (31536000 / $1::float))) AS r(t)`, [COMPLAINTS, CUSTOMERS]);
  await db.query(`SELECT setval('complaint_reference_seq', $1)`, [COMPLAINTS]);
  await db.query('VACUUM ANALYZE');
  await db.end();
  process.stdout.write(`seeded ${COMPLAINTS} complaints of ${CUSTOMERS} customers in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

function startIntake() {
  execFileSync('rabbitmqctl', ['-q', 'add_vhost', VHOST], { stdio: 'ignore' });
  execFileSync('rabbitmqctl', ['-q', 'set_permissions', '-p', VHOST, 'guest', '.*', '.*', '.*'], { stdio: 'ignore' });
  const child = spawn(process.execPath, ['services/intake/dist/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

async function ready(url) {
  for (let i = 0; i < 300; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready`);
}

const PAGE = `query($filter: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id reference subject status category severity priority escalated receivedAt resolutionDueAt customer { name email } } }
  }
}`;
const OPEN = ['RECEIVED', 'ACKNOWLEDGED', 'ASSESSED', 'INVESTIGATING', 'RESOLUTION_PROPOSED'];
const QUERIES = {
  'open BILLING, search "refund"': { status: OPEN, category: ['BILLING'], search: 'refund' },
  'open, HIGH+CRITICAL, search "kettle stop"': { status: OPEN, severity: ['HIGH', 'CRITICAL'], search: 'kettle stop' },
  'escalated, Q2, search customer "grace hop"': { escalated: true, receivedFrom: '2026-04-01T00:00:00Z', receivedTo: '2026-07-01T00:00:00Z', search: 'grace hop' },
  'all, search email': { search: 'customer4242@example.com' },
  'all, search reference': { search: 'CMP-2026-031337' },
  'DELIVERY, search "parcel", page 2': { category: ['DELIVERY'], search: 'parcel', page: 2 },
};

async function ask(identity, filter, after) {
  const { page, ...graphqlFilter } = filter;
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-redress-identity': await identity() },
    body: JSON.stringify({ query: PAGE, variables: { filter: graphqlFilter, first: 20, after } }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { ms: performance.now() - started, page: body.data.complaints, wantsPage2: page === 2 };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const fmt = (ms) => `${ms.toFixed(1).padStart(6)} ms`;

async function measure() {
  const identity = () => signIdentity({ sub: 'bench-agent', roles: ['AGENT'], anonymous: false }, randomUUID(), config.internalSecret);
  const all = [];
  process.stdout.write(`\n${'query'.padEnd(46)} ${'total'.padStart(7)}   p50        p95        p99\n`);
  for (const [name, filter] of Object.entries(QUERIES)) {
    const first = await ask(identity, filter);
    const after = filter.page === 2 ? first.page.pageInfo.endCursor : undefined;
    for (let i = 0; i < 10; i++) await ask(identity, filter, after); // warm-up
    const times = [];
    for (let i = 0; i < ITERATIONS; i++) times.push((await ask(identity, filter, after)).ms);
    times.sort((a, b) => a - b);
    all.push(...times);
    process.stdout.write(`${name.padEnd(46)} ${String(first.page.totalCount).padStart(7)}  ${fmt(percentile(times, 50))} ${fmt(percentile(times, 95))} ${fmt(percentile(times, 99))}\n`);
  }
  all.sort((a, b) => a - b);
  process.stdout.write(`${'all queries'.padEnd(46)} ${''.padStart(7)}  ${fmt(percentile(all, 50))} ${fmt(percentile(all, 95))} ${fmt(percentile(all, 99))}\n`);
  return percentile(all, 95);
}

if (!values.reuse) await seed();
const intake = startIntake();
try {
  await ready(`http://127.0.0.1:${PORT}/health/ready`);
  const p95 = await measure();
  process.stdout.write(`\np95 over every query: ${p95.toFixed(1)} ms (goal < 100 ms) at ${COMPLAINTS} complaints, subgraph over HTTP, one request at a time\n`);
} finally {
  intake.kill('SIGTERM');
}
