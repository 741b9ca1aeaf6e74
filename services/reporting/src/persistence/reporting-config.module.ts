import { Global, Module, type DynamicModule } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { prepareReportingDatabase } from './reporting-database.js';

/**
 * Reporting's stand-in for ConfigModule: provides REDRESS_CONFIG only once the database is migrated
 * and the service's own login is set up, with `databaseUrl` pointing at that login.
 */
@Global()
@Module({})
export class ReportingConfigModule {
  static forRoot(config: RedressConfig): DynamicModule {
    return {
      module: ReportingConfigModule,
      providers: [{ provide: REDRESS_CONFIG, useFactory: () => prepareReportingDatabase(config) }],
      exports: [REDRESS_CONFIG],
    };
  }
}
