import { BadUserInput, input } from '@redress/errors';
import type { FollowUpAnswer } from './record-follow-up.handler.js';

export function validateFollowUp(raw: { satisfied: boolean; rating: number; comment?: string | null }): FollowUpAnswer {
  if (!Number.isInteger(raw.rating) || raw.rating < 1 || raw.rating > 5) throw new BadUserInput('rating', 'must be a whole number from 1 to 5');
  return { satisfied: raw.satisfied, rating: raw.rating, comment: input.optional('comment', raw.comment, 5000) };
}
