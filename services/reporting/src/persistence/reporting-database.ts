import type { RedressConfig } from '@redress/config';
import { openDataSource } from '@redress/persistence';
import { grantAppRole } from './app-role.js';
import { reportingPersistence } from './reporting-persistence.js';

/**
 * Before the service starts: as the owner (DATABASE_URL) create the database, run the migrations and
 * set up the login of REPORTING_DATABASE_URL; then everything in the service — queries, inbox, outbox
 * relay — connects as that login. Returns the configuration the service runs with.
 */
export async function prepareReportingDatabase(config: RedressConfig): Promise<RedressConfig> {
  const owner = await openDataSource(config, reportingPersistence);
  try {
    const url = new URL(config.reportingDatabaseUrl);
    await grantAppRole(owner, { user: decodeURIComponent(url.username), password: url.password ? decodeURIComponent(url.password) : null });
  } finally {
    await owner.destroy();
  }
  return { ...config, databaseUrl: config.reportingDatabaseUrl };
}
