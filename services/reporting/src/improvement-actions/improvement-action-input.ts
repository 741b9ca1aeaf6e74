import { RootCauseCategory } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { ImprovementActionStatus } from '../domain/improvement-action.js';

export interface NewImprovementAction {
  title: string;
  description: string | null;
  ownerId: string;
  dueAt: Date;
  rootCause: RootCauseCategory;
}

export interface ImprovementActionChanges extends Partial<NewImprovementAction> {
  status?: ImprovementActionStatus;
}

type Raw = { title?: string | null; description?: string | null; ownerId?: string | null; dueAt?: Date | null; rootCause?: string | null; status?: string | null };

export function validateNewAction(raw: Raw): NewImprovementAction {
  if (!raw.dueAt) throw new BadUserInput('input.dueAt', 'is required');
  return {
    title: input.required('input.title', raw.title, 200),
    description: input.optional('input.description', raw.description, 5000),
    ownerId: input.required('input.ownerId', raw.ownerId, 200),
    dueAt: raw.dueAt,
    rootCause: input.oneOf('input.rootCause', raw.rootCause, RootCauseCategory),
  };
}

/** Only the fields given change; a given field follows the same rules as on creation. */
export function validateChanges(raw: Raw): ImprovementActionChanges {
  const changes: ImprovementActionChanges = {};
  if (raw.title != null) changes.title = input.required('changes.title', raw.title, 200);
  if (raw.description !== undefined) changes.description = input.optional('changes.description', raw.description, 5000);
  if (raw.ownerId != null) changes.ownerId = input.required('changes.ownerId', raw.ownerId, 200);
  if (raw.dueAt != null) changes.dueAt = raw.dueAt;
  if (raw.rootCause != null) changes.rootCause = input.oneOf('changes.rootCause', raw.rootCause, RootCauseCategory);
  if (raw.status != null) changes.status = input.oneOf('changes.status', raw.status, ImprovementActionStatus);
  if (!Object.keys(changes).length) throw new BadUserInput('changes', 'must change at least one field');
  return changes;
}
