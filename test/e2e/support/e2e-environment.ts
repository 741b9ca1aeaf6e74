import { join } from 'node:path';

/**
 * The end-to-end system's own ports, vhost, databases, BullMQ prefix and mail folder, apart from a
 * running `npm start`. `E2E_SLOT=n` (0–9) shifts all of them, so several runs can share the machine.
 */
const slot = Number(process.env.E2E_SLOT ?? 0);
const base = 4100 + slot * 20;

export const E2E = {
  vhost: `redress_e2e${slot || ''}`,
  gatewayPort: base,
  smtpPort: base + 9,
  mailDirectory: join(process.cwd(), 'tmp', `e2e-mail${slot || ''}`),
  logDirectory: join(process.cwd(), 'tmp', `e2e-logs${slot || ''}`),
  databaseSuffix: `_e2e${slot || ''}_test`,
  ports: { intake: base + 1, investigation: base + 2, resolution: base + 3, notification: base + 4, reporting: base + 5 },
};

export const e2eEnv: NodeJS.ProcessEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  GATEWAY_PORT: String(E2E.gatewayPort),
  ...Object.fromEntries(Object.entries(E2E.ports).map(([service, port]) => [`${service.toUpperCase()}_PORT`, String(port)])),
  DATABASE_SUFFIX: E2E.databaseSuffix,
  RABBITMQ_URL: `amqp://guest:guest@localhost:5672/${E2E.vhost}`,
  BULLMQ_PREFIX: `redress-e2e${slot || ''}`,
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  PUBLIC_URL: `http://localhost:${E2E.gatewayPort}`,
  EVENT_RETRY_DELAYS_MS: '200,1000,3000',
  // Specs poll public operations from one address; security-abuse-limits.e2e-spec.ts checks the limit itself.
  RATE_LIMIT_ANONYMOUS_REQUESTS: '600',
};

export const gatewayUrl = `http://127.0.0.1:${E2E.gatewayPort}/graphql`;
