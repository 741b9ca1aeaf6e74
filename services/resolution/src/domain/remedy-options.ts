import { RemedyType } from '@redress/contracts';
import { BadUserInput, Forbidden, input } from '@redress/errors';

export interface ResolutionOptionInput {
  type: string;
  description: string;
  amount?: number | null;
  currency?: string | null;
}

/** A validated remedy: `amount` and `currency` (ISO 4217) come together or not at all. */
export interface RemedyOption {
  type: RemedyType;
  description: string;
  amount: number | null;
  currency: string | null;
}

const MAX_OPTIONS = 10;
const MAX_AMOUNT = 1e12;
const CURRENCY = /^[A-Z]{3}$/;
/** SPEC §2: money paid back needs a manager above RESOLUTION_APPROVAL_LIMIT. */
const NEEDS_APPROVAL: readonly RemedyType[] = ['REFUND', 'CREDIT'];

/** The first refund or credit above the limit (the limit is a plain number, whatever the currency), if any. */
export function optionNeedingApproval(options: readonly ResolutionOptionInput[], limit: number): ResolutionOptionInput | undefined {
  return options.find((o) => NEEDS_APPROVAL.includes(o.type as RemedyType) && typeof o.amount === 'number' && o.amount > limit);
}

/** FORBIDDEN when a non-manager offers a refund or credit above the limit (checked before the input, as SPEC §2 orders errors). */
export function assertWithinApprovalLimit(options: readonly ResolutionOptionInput[], limit: number, manager: boolean): void {
  const above = manager ? undefined : optionNeedingApproval(options, limit);
  if (above) throw new Forbidden(`A ${above.type} above ${limit} needs a MANAGER`);
}

export function validateOptions(options: readonly ResolutionOptionInput[] | null | undefined): RemedyOption[] {
  if (!options?.length) throw new BadUserInput('options', 'must offer at least one remedy');
  if (options.length > MAX_OPTIONS) throw new BadUserInput('options', `must offer at most ${MAX_OPTIONS} remedies`);
  return options.map((option, i) => validateOption(option, `options[${i}]`));
}

function validateOption(option: ResolutionOptionInput, field: string): RemedyOption {
  const type = input.oneOf(`${field}.type`, option.type, RemedyType);
  const description = input.required(`${field}.description`, option.description, 1000);
  const amount = option.amount ?? null;
  const currency = input.optional(`${field}.currency`, option.currency, 3)?.toUpperCase() ?? null;
  if (amount !== null && (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT)) {
    throw new BadUserInput(`${field}.amount`, `must be a number from 0 to ${MAX_AMOUNT}`);
  }
  if (amount !== null && !currency) throw new BadUserInput(`${field}.currency`, 'must be given with an amount (ISO 4217, e.g. EUR)');
  if (amount === null && currency) throw new BadUserInput(`${field}.amount`, 'must be given with a currency');
  if (currency && !CURRENCY.test(currency)) throw new BadUserInput(`${field}.currency`, 'must be an ISO 4217 code such as EUR');
  return { type, description, amount, currency };
}
