import pg from 'pg';
import type { RedressConfig } from '@redress/config';
import type { ServiceName } from '@redress/contracts';

export function databaseName(config: Pick<RedressConfig, 'databaseSuffix'>, service: ServiceName): string {
  return `redress_${service}${config.databaseSuffix}`;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the service's database on first boot; replicas racing to create it are harmless. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`).catch((error: { code?: string }) => {
      if (error.code !== '42P04' && error.code !== '23505') throw error; // created meanwhile by a replica
    });
  } finally {
    await client.end();
  }
}
