import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { openDataSource, type PersistenceOptions } from './data-source.js';
import { TransactionRunner } from './transaction-runner.js';

@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Provides the service's DataSource (migrated) and the TransactionRunner. */
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: DataSource, inject: [REDRESS_CONFIG], useFactory: (config: RedressConfig) => openDataSource(config, options) },
        { provide: TransactionRunner, inject: [DataSource], useFactory: (dataSource: DataSource) => new TransactionRunner(dataSource) },
      ],
      exports: [DataSource, TransactionRunner],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Readiness check for HealthModule: the service's database answers. */
export const databaseReadiness = {
  name: 'database',
  inject: [DataSource],
  isUp: async (dataSource: DataSource) => dataSource.isInitialized && (await dataSource.query('SELECT 1')).length === 1,
};
