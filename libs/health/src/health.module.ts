import { Module, type DynamicModule } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { HEALTH_CHECKS, type ReadinessCheckProvider } from './readiness-check.js';

@Module({})
export class HealthModule {
  static forRoot(checks: ReadinessCheckProvider[]): DynamicModule {
    const inject = checks.flatMap((c) => c.inject);
    return {
      module: HealthModule,
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject,
          useFactory: (...dependencies: unknown[]) => {
            let offset = 0;
            return checks.map((check) => {
              const own = dependencies.slice(offset, (offset += check.inject.length));
              return { name: check.name, isUp: () => check.isUp(...own) };
            });
          },
        },
      ],
    };
  }
}
