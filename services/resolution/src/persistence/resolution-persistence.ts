import { messagingEntities, messagingMigrations } from '@redress/messaging';
import type { PersistenceOptions } from '@redress/persistence';
import { ClosureEntity } from './closure.entity.js';
import { ComplaintEntity } from './complaint.entity.js';
import { FollowUpSurveyEntity } from './follow-up-survey.entity.js';
import { FollowUpEntity } from './follow-up.entity.js';
import { CreateResolution1763900000000 } from './migrations/1763900000000-create-resolution.js';
import { ResolutionLifecycle1764000000000 } from './migrations/1764000000000-resolution-lifecycle.js';
import { UsedLinkTokens1764100000000 } from './migrations/1764100000000-used-link-tokens.js';
import { FollowUpSurveys1764200000000 } from './migrations/1764200000000-follow-up-surveys.js';
import { ProposalOptionEntity } from './proposal-option.entity.js';
import { ProposalEntity } from './proposal.entity.js';

export const resolutionPersistence: PersistenceOptions = {
  service: 'resolution',
  entities: [ComplaintEntity, ProposalEntity, ProposalOptionEntity, FollowUpEntity, ClosureEntity, FollowUpSurveyEntity, ...messagingEntities],
  migrations: [...messagingMigrations, CreateResolution1763900000000, ResolutionLifecycle1764000000000, UsedLinkTokens1764100000000, FollowUpSurveys1764200000000],
};
