import { BadUserInput } from '@redress/errors';
import type { TimeRange } from './date-range.js';

export interface Quarter extends TimeRange {
  label: string;
}

/** `"2026-Q4"` → [2026-10-01, 2027-01-01) UTC. */
export function parseQuarter(label: string, field = 'quarter'): Quarter {
  const match = /^(\d{4})-Q([1-4])$/.exec(label.trim().toUpperCase());
  if (!match) throw new BadUserInput(field, 'must look like 2026-Q4');
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3;
  return { label: `${year}-Q${match[2]}`, from: new Date(Date.UTC(year, first, 1)), to: new Date(Date.UTC(year, first + 3, 1)) };
}

export function previousQuarter(quarter: Quarter): Quarter {
  const from = new Date(Date.UTC(quarter.from.getUTCFullYear(), quarter.from.getUTCMonth() - 3, 1));
  return { label: `${from.getUTCFullYear()}-Q${from.getUTCMonth() / 3 + 1}`, from, to: quarter.from };
}
