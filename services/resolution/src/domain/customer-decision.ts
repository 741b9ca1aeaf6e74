import { BadUserInput } from '@redress/errors';

export interface CustomerDecision {
  accept: boolean;
  optionId: string | null;
  comment: string | null;
}

/**
 * The option a decision is about: an acceptance names one of the proposal's options (or there is only
 * one to take); a rejection may name the option it turns down. BAD_USER_INPUT names `optionId`.
 */
export function decidedOption(decision: CustomerDecision, optionIds: readonly string[]): string | null {
  if (decision.optionId !== null && !optionIds.includes(decision.optionId)) throw new BadUserInput('optionId', 'must be one of the proposal\'s options');
  if (!decision.accept || decision.optionId !== null) return decision.optionId;
  if (optionIds.length === 1) return optionIds[0];
  throw new BadUserInput('optionId', 'must name the chosen option when the proposal offers several');
}
