import { Global, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityMiddleware } from './identity.middleware.js';
import { RolesGuard } from './roles.guard.js';

/**
 * A subgraph's authentication and authorisation: the signed identity is required on every route but
 * `/health/*` and `GET /metrics` (for Prometheus inside the cluster), and RolesGuard decides every resolver (default deny). Needs ConfigModule (INTERNAL_SECRET).
 */
@Global()
@Module({})
export class AuthModule implements NestModule {
  static forRoot(): DynamicModule {
    return { module: AuthModule, global: true, providers: [IdentityMiddleware, { provide: APP_GUARD, useClass: RolesGuard }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(IdentityMiddleware)
      .exclude({ path: 'health/{*path}', method: RequestMethod.ALL }, { path: 'metrics', method: RequestMethod.GET })
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
