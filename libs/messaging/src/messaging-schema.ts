import { InboxMessage } from './inbox-message.entity.js';
import { MessagingTables1790000000000 } from './messaging-tables.migration.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxTraceContext1790000000001 } from './outbox-trace-context.migration.js';

/** Add to the service's PersistenceModule entities. */
export const messagingEntities: Function[] = [OutboxMessage, InboxMessage];

/** Add before the service's own migrations. */
export const messagingMigrations: Function[] = [MessagingTables1790000000000, OutboxTraceContext1790000000001];

/** The channel the publisher notifies (on commit) and the relay listens on; one per service database. */
export const OUTBOX_CHANNEL = 'redress_outbox';
