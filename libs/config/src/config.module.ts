import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadConfig, type RedressConfig } from './config.js';

export const REDRESS_CONFIG = Symbol('REDRESS_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Provides the validated configuration under REDRESS_CONFIG; pass one to share it (tests). */
  static forRoot(config: RedressConfig = loadConfig()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: REDRESS_CONFIG, useValue: config }], exports: [REDRESS_CONFIG] };
  }
}
