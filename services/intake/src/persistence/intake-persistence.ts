import { messagingEntities, messagingMigrations } from '@redress/messaging';
import type { PersistenceOptions } from '@redress/persistence';
import { ComplaintEntity } from './complaint.entity.js';
import { CustomerEntity } from './customer.entity.js';
import { EscalationEntity } from './escalation.entity.js';
import { ReopeningEntity } from './reopening.entity.js';
import { SlaClockEntity } from './sla-clock.entity.js';
import { SlaPauseEntity } from './sla-pause.entity.js';
import { SubmissionKeyEntity } from './submission-key.entity.js';
import { CreateIntake1763900000000 } from './migrations/1763900000000-create-intake.js';
import { StatusHistory1764000000000 } from './migrations/1764000000000-status-history.js';
import { AssessmentEscalationReopening1764000100000 } from './migrations/1764000100000-assessment-escalation-reopening.js';
import { CustomerSearch1764000200000 } from './migrations/1764000200000-customer-search.js';
import { SlaClocks1764000300000 } from './migrations/1764000300000-sla-clocks.js';
import { DuplicateDetection1764000400000 } from './migrations/1764000400000-duplicate-detection.js';
import { AutoTriage1764000500000 } from './migrations/1764000500000-auto-triage.js';
import { CustomerErasure1764000600000 } from './migrations/1764000600000-customer-erasure.js';

export const intakePersistence: PersistenceOptions = {
  service: 'intake',
  entities: [
    CustomerEntity, ComplaintEntity, SubmissionKeyEntity, EscalationEntity, ReopeningEntity, SlaClockEntity, SlaPauseEntity,
    ...messagingEntities,
  ],
  migrations: [
    ...messagingMigrations, CreateIntake1763900000000, StatusHistory1764000000000, AssessmentEscalationReopening1764000100000,
    CustomerSearch1764000200000, SlaClocks1764000300000, DuplicateDetection1764000400000, AutoTriage1764000500000,
    CustomerErasure1764000600000,
  ],
};
