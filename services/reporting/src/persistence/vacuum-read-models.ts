import pg from 'pg';
import type { RedressConfig } from '@redress/config';
import { databaseName, databaseUrl } from '@redress/persistence';

const READ_MODEL_TABLES = ['complaint_facts', 'complaint_closures', 'metric_daily'];

/**
 * After a rebuild rewrote every read-model row: refreshes the planner's statistics and the visibility
 * map at once, so the metrics' partial indexes answer index-only (autovacuum would, some time later).
 * VACUUM belongs to the tables' owner, so this connects as DATABASE_URL's user.
 */
export async function vacuumReadModels(ownerConfig: RedressConfig): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(ownerConfig.databaseUrl, databaseName(ownerConfig, 'reporting')) });
  await client.connect();
  try {
    for (const table of READ_MODEL_TABLES) await client.query(`VACUUM (ANALYZE) ${table}`);
  } finally {
    await client.end();
  }
}
