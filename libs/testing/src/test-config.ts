import { randomBytes } from 'node:crypto';
import { loadConfig, type RedressConfig } from '@redress/config';

/**
 * Configuration for tests: the machine's servers, but a `*_test` database suffix, a test BullMQ
 * prefix and quiet logs. Refuses a suffix that does not end in `_test`, so a test can never
 * write to a development or production database.
 */
export function testConfig(overrides: NodeJS.ProcessEnv = {}): RedressConfig {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_SUFFIX: '_test',
    BULLMQ_PREFIX: 'redress-test',
    ...overrides,
  });
  if (!config.databaseSuffix.endsWith('_test')) {
    throw new Error(`Tests must use a database suffix ending in _test (got "${config.databaseSuffix}")`);
  }
  return config;
}

/** A short name unique to this run, usable in vhosts, database suffixes and BullMQ prefixes. */
export function uniqueTestName(label: string): string {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 24);
  return `${safe}_${process.pid}_${randomBytes(3).toString('hex')}`;
}
