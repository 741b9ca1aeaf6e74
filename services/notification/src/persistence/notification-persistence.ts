import { messagingEntities, messagingMigrations } from '@redress/messaging';
import type { PersistenceOptions } from '@redress/persistence';
import { CreateNotifications1763900000000 } from './migrations/1763900000000-create-notifications.js';
import { MessagesForEveryKind1764600000000 } from './migrations/1764600000000-messages-for-every-kind.js';
import { Webhooks1764700000000 } from './migrations/1764700000000-webhooks.js';
import { NotificationEntity } from './notification.entity.js';

export const notificationPersistence: PersistenceOptions = {
  service: 'notification',
  entities: [NotificationEntity, ...messagingEntities],
  migrations: [...messagingMigrations, CreateNotifications1763900000000, MessagesForEveryKind1764600000000, Webhooks1764700000000],
};
