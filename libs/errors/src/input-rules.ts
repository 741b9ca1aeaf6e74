import { BadUserInput } from './domain-errors.js';

// Input rules shared by every use case (SPEC §8): strings trimmed, required ones not blank, lengths bounded.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const input = {
  required(field: string, value: string | null | undefined, max: number): string {
    const trimmed = (value ?? '').trim();
    if (!trimmed) throw new BadUserInput(field, 'must not be blank');
    if (trimmed.length > max) throw new BadUserInput(field, `must be at most ${max} characters`);
    return trimmed;
  },
  optional(field: string, value: string | null | undefined, max: number): string | null {
    const trimmed = (value ?? '').trim();
    if (!trimmed) return null;
    if (trimmed.length > max) throw new BadUserInput(field, `must be at most ${max} characters`);
    return trimmed;
  },
  email(field: string, value: string | null | undefined): string {
    const email = input.required(field, value, 254).toLowerCase();
    if (!EMAIL.test(email)) throw new BadUserInput(field, 'must be a valid email address');
    return email;
  },
  uuid(field: string, value: string | null | undefined): string {
    if (!value || !UUID.test(value)) throw new BadUserInput(field, 'must be a UUID');
    return value.toLowerCase();
  },
  isUuid(value: string | null | undefined): boolean {
    return !!value && UUID.test(value);
  },
  oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) throw new BadUserInput(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  },
};
