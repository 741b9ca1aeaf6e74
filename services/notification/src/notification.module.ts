import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import { ConfigModule, type RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { MessageComposer } from './compose-messages/message-composer.js';
import { PeerLookups } from './compose-messages/peer-lookups.js';
import { NOTIFICATION_SETTINGS, loadNotificationSettings, type NotificationSettings } from './config/notification-settings.js';
import { DeliveryOutcomes } from './delivery/delivery-outcomes.js';
import { DeliveryQueue } from './delivery/delivery-queue.js';
import { Mailer } from './delivery/mailer.js';
import { NotificationStore } from './delivery/notification-store.js';
import { WebhookOutcomes } from './delivery/webhook-outcomes.js';
import { WebhookQueue } from './delivery/webhook-queue.js';
import { WebhookSender } from './delivery/webhook-sender.js';
import { EraseCustomerHandler } from './erase-customer/erase-customer.handler.js';
import { FanOutWebhooksHandler } from './fan-out-webhooks/fan-out-webhooks.handler.js';
import { NotificationEventsController } from './events/notification-events.controller.js';
import { ComplaintNotificationsResolver } from './graphql/complaint-notifications.resolver.js';
import { NotificationOperationsResolver } from './graphql/notification-operations.resolver.js';
import { notificationTypeDefs } from './graphql/schema.graphql.js';
import { WebhookDeliveriesResolver, WebhooksResolver } from './graphql/webhooks.resolver.js';
import { DeliveryProcessor } from './jobs/delivery.processor.js';
import { DeliverySweeper } from './jobs/delivery-sweeper.js';
import { WebhookDeliveryProcessor } from './jobs/webhook-delivery.processor.js';
import { CustomerPreferences } from './manage-preferences/customer-preferences.js';
import { ManagePreferencesHandler } from './manage-preferences/manage-preferences.handler.js';
import { ManageWebhooksHandler } from './manage-webhooks/manage-webhooks.handler.js';
import { NotifyOnEventHandler } from './notify-on-event/notify-on-event.handler.js';
import { notificationPersistence } from './persistence/notification-persistence.js';
import { PreviewNotificationQuery } from './preview-notification/preview-notification.query.js';
import { RetryNotificationHandler } from './retry-notification/retry-notification.handler.js';
import { NotificationRpcController } from './rpc/notification-rpc.controller.js';
import { TemplateCatalog } from './templates/template-catalog.js';

@Module({})
export class NotificationModule {
  /** `settings` default to the environment (tests pass their own shorter waits). */
  static forRoot(config: RedressConfig, settings: NotificationSettings = loadNotificationSettings(config)): DynamicModule {
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
      controllers: [NotificationEventsController, NotificationRpcController],
      providers: [
        { provide: NOTIFICATION_SETTINGS, useValue: settings },
        { provide: TemplateCatalog, useFactory: () => new TemplateCatalog(settings.templatesDirectory, settings.defaultLocale) },
        Mailer, DeliveryQueue, DeliveryOutcomes, NotificationStore, PeerLookups, MessageComposer, CustomerPreferences,
        NotifyOnEventHandler, EraseCustomerHandler, RetryNotificationHandler, PreviewNotificationQuery, ManagePreferencesHandler,
        WebhookQueue, WebhookSender, WebhookOutcomes, FanOutWebhooksHandler, ManageWebhooksHandler,
        DeliveryProcessor, WebhookDeliveryProcessor, DeliverySweeper,
        ComplaintNotificationsResolver, NotificationOperationsResolver, WebhooksResolver, WebhookDeliveriesResolver,
      ],
    };
  }
}
