import { Category } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';

/** A validated `InvestigatorInput`. */
export interface InvestigatorProfile {
  id: string;
  name: string;
  email: string;
  categories: Category[];
  capacity: number;
  active: boolean;
}

export interface InvestigatorInput {
  id: string;
  name: string;
  email: string;
  categories: string[];
  capacity: number;
  active?: boolean | null;
}

const MAX_CAPACITY = 1000;

export function validateInvestigator(raw: InvestigatorInput): InvestigatorProfile {
  const categories = (raw.categories ?? []).map((category, i) => input.oneOf(`input.categories[${i}]`, category, Category));
  if (!Number.isInteger(raw.capacity) || raw.capacity < 0 || raw.capacity > MAX_CAPACITY) {
    throw new BadUserInput('input.capacity', `must be a whole number from 0 to ${MAX_CAPACITY}`);
  }
  return {
    id: input.required('input.id', raw.id, 200),
    name: input.required('input.name', raw.name, 200),
    email: input.email('input.email', raw.email),
    categories: [...new Set(categories)],
    capacity: raw.capacity,
    active: raw.active ?? true,
  };
}
