// `npm start`: checks the servers Redress needs, then runs the five services and the gateway until
// Ctrl+C, forwarding SIGTERM so each shuts down gracefully.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../libs/config/dist/index.js';
import { RoundRobinBalancer } from '../libs/runtime/dist/round-robin-balancer.js';
import { startDevMailSink } from './dev-mail-sink.mjs';
import { GATEWAY_NODE_FLAGS } from './gateway-node-flags.mjs';

const root = new URL('..', import.meta.url).pathname;
// `--replicas N` (npm run start:scaled) runs N processes of every service and of the gateway behind a
// round-robin balancer on the usual port, as Kubernetes would: replica k listens on port + 10000·k.
const { values: options } = parseArgs({ options: { replicas: { type: 'string', default: '1' } } });
const replicas = Math.max(1, Number(options.replicas) || 1);
const services = ['intake', 'investigation', 'resolution', 'notification', 'reporting'];
const apps = [...services.map((name) => ({ name, entry: `services/${name}/dist/main.js` })), { name: 'gateway', entry: 'gateway/dist/main.js', nodeFlags: GATEWAY_NODE_FLAGS }];
const say = (line) => console.log(`[redress] ${line}`);

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) { console.error(error.message); process.exit(1); }
  throw error;
}

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || defaultPort), timeout: 2000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

const portOf = (name) => (name === 'gateway' ? config.gatewayPort : config.servicePorts[name]);
const portVariable = (name) => `${name.toUpperCase()}_PORT`;
// (+10000·k: fetch refuses some ports, such as 6000.)
const replicaPort = (name, k) => (replicas === 1 ? portOf(name) : portOf(name) + 10000 * (k + 1));

const servers = [
  { name: 'PostgreSQL', variable: 'DATABASE_URL', url: config.databaseUrl, port: 5432 },
  { name: 'RabbitMQ', variable: 'RABBITMQ_URL', url: config.rabbitmqUrl, port: 5672 },
  { name: 'Redis', variable: 'REDIS_URL', url: config.redisUrl, port: 6379 },
];
const down = [];
for (const server of servers) if (!(await reachable(server.url, server.port))) down.push(server);
if (down.length) {
  for (const server of down) console.error(`[redress] cannot reach ${server.name} at ${new URL(server.url).host} (${server.variable})`);
  console.error('[redress] start it (see README "Quick start", or `bash scripts/ensure-servers.sh` on Debian), then run `npm start` again');
  process.exit(1);
}

const smtp = new URL(config.smtpUrl);
if (!(await reachable(config.smtpUrl, 25))) {
  if (['localhost', '127.0.0.1'].includes(smtp.hostname)) {
    await startDevMailSink({ port: Number(smtp.port || 25), directory: join(root, 'tmp', 'mail'), log: (line) => say(line) });
    say(`no mail server at ${smtp.host}: started a development mail sink there (emails are saved in tmp/mail/)`);
  } else say(`warning: cannot reach the mail server at ${smtp.host} (SMTP_URL); emails will be retried until it answers`);
}

const children = new Map();
const balancers = [];
let stopping = false;
for (const app of apps) {
  for (let k = 0; k < replicas; k += 1) {
    const label = replicas === 1 ? app.name : `${app.name}-${k + 1}`;
    const env = { ...process.env, [portVariable(app.name)]: String(replicaPort(app.name, k)) };
    const child = spawn(process.execPath, ['--enable-source-maps', ...(app.nodeFlags ?? []), join(root, app.entry)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = `[${label}]`.padEnd(18);
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream.on('data', (chunk) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop();
        for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
      });
    }
    child.on('exit', (code, signal) => {
      children.delete(label);
      if (!stopping) { say(`${label} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the others`); shutdown(1); }
      else if (children.size === 0) process.exit(process.exitCode ?? 0);
    });
    children.set(label, child);
  }
  if (replicas > 1) {
    const targets = Array.from({ length: replicas }, (_, k) => ({ host: '127.0.0.1', port: replicaPort(app.name, k) }));
    balancers.push(await new RoundRobinBalancer(targets).listen(portOf(app.name)));
  }
}

function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  say('stopping…');
  for (const child of children.values()) child.kill('SIGTERM');
  if (children.size === 0) process.exit(code);
  setTimeout(() => { for (const child of children.values()) child.kill('SIGKILL'); process.exit(code); }, 15_000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const started = Date.now();
const readyUrls = apps.flatMap((app) =>
  Array.from({ length: replicas }, (_, k) => [replicas === 1 ? app.name : `${app.name}-${k + 1}`, `http://127.0.0.1:${replicaPort(app.name, k)}/health/ready`]),
);
const pending = new Set(readyUrls.map(([name]) => name));
while (pending.size && !stopping) {
  for (const [name, url] of readyUrls) {
    if (!pending.has(name)) continue;
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) pending.delete(name);
  }
  if (!pending.size) break;
  if (Date.now() - started > 180_000) { say(`still not ready after 3 minutes: ${[...pending].join(', ')}`); break; }
  await new Promise((r) => setTimeout(r, 500));
}
if (!pending.size && replicas > 1) say(`${replicas} replicas of every service and of the gateway, behind round-robin balancers on the usual ports`);
if (!pending.size) say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: GraphQL at http://localhost:${config.gatewayPort}/graphql (dev token: npm run token -- --role MANAGER)`);
