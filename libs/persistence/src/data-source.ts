import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { RedressConfig } from '@redress/config';
import type { ServiceName } from '@redress/contracts';
import { databaseName, databaseUrl, ensureDatabase } from './database.js';

export interface PersistenceOptions {
  service: ServiceName;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
}

// Any fixed number works; it only has to be the same for every replica of every service.
const MIGRATION_LOCK_KEY = 7_262_000;

/** Opens the service's own database: created if missing, migrations run once even when replicas start together. */
export async function openDataSource(config: RedressConfig, options: PersistenceOptions): Promise<DataSource> {
  const database = databaseName(config, options.service);
  await ensureDatabase(config.databaseUrl, database);
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl(config.databaseUrl, database),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: config.databasePoolSize, application_name: `redress-${options.service}` },
  });
  await dataSource.initialize();
  await runMigrationsLocked(dataSource);
  return dataSource;
}

export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
