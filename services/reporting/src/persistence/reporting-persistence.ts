import { messagingEntities, messagingMigrations } from '@redress/messaging';
import type { PersistenceOptions } from '@redress/persistence';
import { CreateEventStore1763900000000 } from './migrations/1763900000000-create-event-store.js';
import { ComplaintFacts1764100000000 } from './migrations/1764100000000-complaint-facts.js';
import { ComplaintClosures1764150000000 } from './migrations/1764150000000-complaint-closures.js';
import { AuditChain1764200000000 } from './migrations/1764200000000-audit-chain.js';
import { QualityAndImprovement1764300000000 } from './migrations/1764300000000-quality-and-improvement.js';
import { TrendAlerts1764400000000 } from './migrations/1764400000000-trend-alerts.js';
import { ImprovementActionEntity } from './improvement-action.entity.js';
import { QualityReviewEntity } from './quality-review.entity.js';
import { StoredEventEntity } from './stored-event.entity.js';

export const reportingPersistence: PersistenceOptions = {
  service: 'reporting',
  entities: [StoredEventEntity, QualityReviewEntity, ImprovementActionEntity, ...messagingEntities],
  migrations: [...messagingMigrations, CreateEventStore1763900000000, ComplaintFacts1764100000000, ComplaintClosures1764150000000, AuditChain1764200000000, QualityAndImprovement1764300000000, TrendAlerts1764400000000],
};
