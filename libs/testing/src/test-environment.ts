import { SERVICES } from '@redress/contracts';
import type { RedressConfig } from '@redress/config';
import { ensureVhost, deleteVhost, rabbitUrl } from './rabbit-vhost.js';
import { dropDatabase } from './test-database.js';
import { testConfig, uniqueTestName } from './test-config.js';

export interface TestEnvironment {
  /** Points at the test's own vhost, `*_<name>_test` databases and BullMQ prefix. */
  config: RedressConfig;
  vhost: string;
  /** Deletes the vhost and drops every service database made under this environment's suffix. */
  dispose(): Promise<void>;
}

/** Everything one test file needs to run beside other test files and a running system. */
export async function createTestEnvironment(label: string, overrides: NodeJS.ProcessEnv = {}): Promise<TestEnvironment> {
  const name = uniqueTestName(label);
  const vhost = `test_${name}`;
  await ensureVhost(vhost);
  const config = testConfig({
    RABBITMQ_URL: rabbitUrl(vhost),
    DATABASE_SUFFIX: `_${name}_test`,
    BULLMQ_PREFIX: `test-${name}`,
    ...overrides,
  });
  return {
    config,
    vhost,
    async dispose() {
      await deleteVhost(vhost);
      await Promise.all(SERVICES.map((service) => dropDatabase(`redress_${service}${config.databaseSuffix}`, config.databaseUrl)));
    },
  };
}
