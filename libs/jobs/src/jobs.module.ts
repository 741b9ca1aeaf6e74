import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { createRedisConnection } from './redis-connection.js';
import { JobQueues } from './job-queues.js';

export const REDIS = Symbol('REDIS');

@Global()
@Module({})
export class JobsModule implements OnApplicationShutdown {
  constructor(@Inject(JobQueues) private readonly jobs: JobQueues, @Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(service: string): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        { provide: REDIS, inject: [REDRESS_CONFIG], useFactory: (config: RedressConfig) => createRedisConnection(config, `redress-${service}`) },
        { provide: JobQueues, inject: [REDRESS_CONFIG, REDIS], useFactory: (config: RedressConfig, redis: Redis) => new JobQueues(config, redis) },
      ],
      exports: [REDIS, JobQueues],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Readiness check for HealthModule: Redis answers PING. */
export const redisReadiness = {
  name: 'redis',
  inject: [REDIS],
  isUp: async (redis: Redis) => (await redis.ping()) === 'PONG',
};
