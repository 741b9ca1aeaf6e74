import { BadUserInput } from './domain-errors.js';

// Input rules shared by every use case (SPEC §8): strings trimmed, required ones not blank, lengths
// bounded, no control characters (PostgreSQL refuses NUL in text; the others have no place in a
// complaint and break logs and CSV exports) — line breaks and tabs are kept for long texts.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

function text(field: string, value: unknown, max: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') throw new BadUserInput(field, 'must be text');
  const trimmed = value.trim();
  if (trimmed.length > max) throw new BadUserInput(field, `must be at most ${max} characters`);
  if (CONTROL_CHARACTERS.test(trimmed)) throw new BadUserInput(field, 'must not contain control characters');
  return trimmed;
}

export const input = {
  required(field: string, value: string | null | undefined, max: number): string {
    const trimmed = text(field, value, max);
    if (!trimmed) throw new BadUserInput(field, 'must not be blank');
    return trimmed;
  },
  optional(field: string, value: string | null | undefined, max: number): string | null {
    return text(field, value, max) || null;
  },
  email(field: string, value: string | null | undefined): string {
    const email = input.required(field, value, 254).toLowerCase();
    if (!EMAIL.test(email) || email.indexOf('@') > 64) throw new BadUserInput(field, 'must be a valid email address');
    return email;
  },
  /** A complaint, customer, investigation, proposal, option or notification id (SPEC §4); lower-cased. */
  uuid(field: string, value: string | null | undefined): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw new BadUserInput(field, 'must be a UUID');
    return value.toLowerCase();
  },
  /** For queries, where a malformed id simply finds nothing (null) instead of failing. */
  isUuid(value: string | null | undefined): boolean {
    return typeof value === 'string' && UUID.test(value);
  },
  oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) throw new BadUserInput(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  },
  /** A whole number within [min, max] (ratings 1–5, page sizes, capacities). */
  integer(field: string, value: number | null | undefined, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new BadUserInput(field, `must be a whole number from ${min} to ${max}`);
    }
    return value;
  },
  /** A money amount: ≥ 0, finite, at most `decimals` decimal places and below `max`. */
  amount(field: string, value: number | null | undefined, { decimals = 2, max = 1e12 } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new BadUserInput(field, 'must be an amount of 0 or more');
    if (value >= max) throw new BadUserInput(field, `must be less than ${max}`);
    const scaled = value * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) throw new BadUserInput(field, `must have at most ${decimals} decimal places`);
    return value;
  },
  /** An ISO 4217 currency code (EUR, GBP, USD …), upper-cased. */
  currency(field: string, value: string | null | undefined): string {
    const code = (typeof value === 'string' ? value.trim() : '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(code) || !CURRENCIES.has(code)) throw new BadUserInput(field, 'must be an ISO 4217 currency code, e.g. EUR');
    return code;
  },
  /** `[from, to)`: both given, from before to, and at most `maxDays` apart (so one request cannot scan years). */
  dateRange(fields: { from: string; to: string }, from: Date, to: Date, maxDays = 3_660): { from: Date; to: Date } {
    if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw new BadUserInput(fields.from, 'must be a date-time');
    if (!(to instanceof Date) || Number.isNaN(to.getTime())) throw new BadUserInput(fields.to, 'must be a date-time');
    if (to.getTime() <= from.getTime()) throw new BadUserInput(fields.to, `must be after ${fields.from}`);
    if (to.getTime() - from.getTime() > maxDays * 86_400_000) throw new BadUserInput(fields.to, `must be at most ${maxDays} days after ${fields.from}`);
    return { from, to };
  },
};
