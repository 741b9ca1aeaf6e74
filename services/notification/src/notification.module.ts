import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import { ConfigModule, type RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { AcknowledgeReceiptHandler } from './acknowledge-receipt/acknowledge-receipt.handler.js';
import { DeliveryQueue } from './delivery/delivery-queue.js';
import { Mailer } from './delivery/mailer.js';
import { NotificationEventsController } from './events/notification-events.controller.js';
import { ComplaintNotificationsResolver } from './graphql/complaint-notifications.resolver.js';
import { notificationTypeDefs } from './graphql/schema.graphql.js';
import { DeliveryProcessor } from './jobs/delivery.processor.js';
import { DeliverySweeper } from './jobs/delivery-sweeper.js';
import { notificationPersistence } from './persistence/notification-persistence.js';

@Module({})
export class NotificationModule {
  static forRoot(config: RedressConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(notificationPersistence),
        MessagingModule.forRoot({ service: 'notification' }),
        JobsModule.forRoot('notification'),
        AuthModule.forRoot(),
        SubgraphGraphqlModule.forRoot({ typeDefs: notificationTypeDefs }),
        HealthModule.forRoot([databaseReadiness, brokerReadiness, redisReadiness]),
      ],
      controllers: [NotificationEventsController],
      providers: [Mailer, DeliveryQueue, AcknowledgeReceiptHandler, DeliveryProcessor, DeliverySweeper, ComplaintNotificationsResolver],
    };
  }
}
