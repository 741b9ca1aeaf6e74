import { PRIVATE_FIELDS, type PrivateField } from './access-table.js';
import { hasAnyRole, type Identity } from './identity.js';

/** `jane@example.com` → `j***@example.com`: the caller sees that something exists, not what it is. */
export function maskEmailAddress(value: string): string {
  const at = value.indexOf('@');
  return at < 1 ? `${value.slice(0, 1)}***` : `${value.slice(0, 1)}***${value.slice(at)}`;
}

/** The value of a private field (SPEC §2) as this caller may see it: in full, masked, or null. */
export function privateFieldFor<T extends string | null | undefined>(field: PrivateField, identity: Identity, value: T): T | string | null {
  const rule = PRIVATE_FIELDS[field];
  if (!identity.anonymous && hasAnyRole(identity, rule.readers)) return value;
  if (rule.others === 'masked' && typeof value === 'string' && !identity.anonymous) return maskEmailAddress(value);
  return null;
}
