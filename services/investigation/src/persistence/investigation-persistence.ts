import { messagingEntities, messagingMigrations } from '@redress/messaging';
import type { PersistenceOptions } from '@redress/persistence';
import { ComplaintEntity } from './complaint.entity.js';
import { InvestigationNoteEntity } from './investigation-note.entity.js';
import { InvestigationEntity } from './investigation.entity.js';
import { InvestigatorEntity } from './investigator.entity.js';
import { CreateInvestigation1763900000000 } from './migrations/1763900000000-create-investigation.js';
import { InvestigationWork1764000000000 } from './migrations/1764000000000-investigation-work.js';

export const investigationPersistence: PersistenceOptions = {
  service: 'investigation',
  entities: [ComplaintEntity, InvestigatorEntity, InvestigationEntity, InvestigationNoteEntity, ...messagingEntities],
  migrations: [...messagingMigrations, CreateInvestigation1763900000000, InvestigationWork1764000000000],
};
