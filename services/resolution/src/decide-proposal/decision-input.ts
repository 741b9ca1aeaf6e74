import { input } from '@redress/errors';
import type { CustomerDecision } from '../domain/customer-decision.js';

export function validateDecision(raw: { accept: boolean; optionId?: string | null; comment?: string | null }): CustomerDecision {
  return {
    accept: raw.accept,
    optionId: raw.optionId === null || raw.optionId === undefined ? null : input.uuid('optionId', raw.optionId),
    comment: input.optional('comment', raw.comment, 5000),
  };
}
