import { join } from 'node:path';

/** The end-to-end system's own ports, vhost, databases, BullMQ prefix and mail folder, apart from a running `npm start`. */
export const E2E = {
  vhost: 'redress_e2e',
  gatewayPort: 4100,
  smtpPort: 4125,
  mailDirectory: join(process.cwd(), 'tmp', 'e2e-mail'),
  logDirectory: join(process.cwd(), 'tmp', 'e2e-logs'),
  ports: { intake: 4101, investigation: 4102, resolution: 4103, notification: 4104, reporting: 4105 },
};

export const e2eEnv: NodeJS.ProcessEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  GATEWAY_PORT: String(E2E.gatewayPort),
  ...Object.fromEntries(Object.entries(E2E.ports).map(([service, port]) => [`${service.toUpperCase()}_PORT`, String(port)])),
  DATABASE_SUFFIX: '_e2e_test',
  RABBITMQ_URL: `amqp://guest:guest@localhost:5672/${E2E.vhost}`,
  BULLMQ_PREFIX: 'redress-e2e',
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  PUBLIC_URL: 'http://localhost:4100',
  EVENT_RETRY_DELAYS_MS: '200,1000,3000',
};

export const gatewayUrl = `http://127.0.0.1:${E2E.gatewayPort}/graphql`;
