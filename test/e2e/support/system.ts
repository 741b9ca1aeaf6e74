import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { ensureVhost, deleteVhost } from '@redress/testing';
import { E2E, e2eEnv } from './e2e-environment.js';

const APPS = ['intake', 'investigation', 'resolution', 'notification', 'reporting', 'gateway'] as const;
const BOOT_TIMEOUT_MS = 120_000;

let running: { children: ChildProcess[]; smtp: SMTPServer } | undefined;

/**
 * Boots the real system for one e2e spec file: fresh databases and vhost, an SMTP sink, the five
 * services and the gateway as separate processes started from their builds, as `npm start` does.
 */
export async function startSystem(overrides: NodeJS.ProcessEnv = {}): Promise<void> {
  const started = Date.now();
  await resetDatabases();
  await deleteVhost(E2E.vhost);
  await ensureVhost(E2E.vhost);
  rmSync(E2E.mailDirectory, { recursive: true, force: true });
  mkdirSync(E2E.mailDirectory, { recursive: true });
  mkdirSync(E2E.logDirectory, { recursive: true });
  const smtp = await startSmtpSink();
  const children = APPS.map((app) => startApp(app, overrides));
  running = { children, smtp };
  await waitUntilReady();
  process.stdout.write(`\ne2e system ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function resetDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: 'postgres://postgres:postgres@localhost:5432/postgres' });
  await client.connect();
  for (const service of Object.keys(E2E.ports)) await client.query(`DROP DATABASE IF EXISTS redress_${service}${E2E.databaseSuffix} WITH (FORCE)`);
  await client.end();
}

function startSmtpSink(): Promise<SMTPServer> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const file = createWriteStream(join(E2E.mailDirectory, `${Date.now()}-${process.pid}-${++count}.eml`));
      stream.pipe(file);
      stream.on('end', () => callback());
    },
  });
  return new Promise((resolve) => server.listen(E2E.smtpPort, '127.0.0.1', () => resolve(server)));
}

function startApp(app: (typeof APPS)[number], overrides: NodeJS.ProcessEnv): ChildProcess {
  const entry = app === 'gateway' ? 'gateway/dist/main.js' : `services/${app}/dist/main.js`;
  const log = createWriteStream(join(E2E.logDirectory, `${app}.log`));
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { env: { ...process.env, ...e2eEnv, ...overrides }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

async function waitUntilReady(): Promise<void> {
  const urls = [...Object.values(E2E.ports), E2E.gatewayPort].map((port) => `http://127.0.0.1:${port}/health/ready`);
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  for (const url of urls) {
    while (!(await fetch(url).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error(`${url} not ready after ${BOOT_TIMEOUT_MS} ms (logs in ${E2E.logDirectory})`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** Stops the system gracefully (SIGTERM), as an operator's rollout would. */
export async function stopSystem(): Promise<void> {
  const system = running;
  running = undefined;
  if (!system) return;
  await Promise.all(system.children.map(stopGracefully));
  await new Promise<void>((resolve) => system.smtp.close(() => resolve()));
}

function stopGracefully(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
