import {
  Global, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import type { ServiceName } from '@redress/contracts';
import { databaseName, databaseUrl, TransactionRunner } from '@redress/persistence';
import { AmqpConnection, type AmqpConnectionOptions } from './amqp-connection.js';
import { EventPublisher } from './event-publisher.js';
import { registerMessagingGauges } from './messaging-metrics.js';
import { HandlerErrorInterceptor } from './handler-error.interceptor.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
import { RabbitEventsServer, type RabbitEventsServerOptions } from './rabbit-events.server.js';
import { RpcClient } from './rpc-client.js';

export interface MessagingModuleOptions {
  service: ServiceName;
  relay?: Partial<OutboxRelayOptions>;
  connection?: AmqpConnectionOptions;
  server?: Partial<RabbitEventsServerOptions>;
}

/**
 * The service's messaging (global): connection, outbox publisher and relay, RPC client, and the
 * transport to connect in main.ts. Needs ConfigModule and PersistenceModule in the application.
 */
@Global()
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(private readonly connection: AmqpConnection, private readonly relay: OutboxRelay, private readonly rpc: RpcClient) {}

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const { service } = options;
    return {
      module: MessagingModule,
      providers: [
        {
          provide: AmqpConnection,
          inject: [REDRESS_CONFIG],
          useFactory: (config: RedressConfig) => new AmqpConnection(config, service, new Logger('AmqpConnection'), options.connection),
        },
        { provide: EventPublisher, inject: [TransactionRunner], useFactory: (transactions: TransactionRunner) => new EventPublisher(transactions) },
        {
          provide: OutboxRelay,
          inject: [REDRESS_CONFIG, DataSource, AmqpConnection],
          useFactory: (config: RedressConfig, dataSource: DataSource, connection: AmqpConnection) => {
            registerMessagingGauges(service, dataSource, connection);
            return new OutboxRelay({ service, dataSource, connection, databaseUrl: databaseUrl(config.databaseUrl, databaseName(config, service)) }, options.relay);
          },
        },
        { provide: RpcClient, inject: [AmqpConnection], useFactory: (connection: AmqpConnection) => new RpcClient(connection) },
        {
          provide: RabbitEventsServer,
          inject: [REDRESS_CONFIG, AmqpConnection, TransactionRunner],
          useFactory: (config: RedressConfig, connection: AmqpConnection, transactions: TransactionRunner) =>
            new RabbitEventsServer({ service, config, connection, transactions }, options.server),
        },
        { provide: APP_INTERCEPTOR, useClass: HandlerErrorInterceptor },
      ],
      exports: [AmqpConnection, EventPublisher, OutboxRelay, RpcClient, RabbitEventsServer],
    };
  }

  onModuleInit(): void {
    this.connection.start();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  // Consumers stop in between (Nest closes microservices after this hook and before the next); events their
  // last handlers write are published by another replica, woken by the same NOTIFY, or at the next start.
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
    await this.connection.close();
  }
}

/** Readiness check for HealthModule: connected to the broker with the topology declared. */
export const brokerReadiness = {
  name: 'broker',
  inject: [AmqpConnection],
  isUp: async (connection: AmqpConnection) => connection.isConnected(),
};
