import { Role } from '@redress/contracts';

/** Who is calling, as the gateway established it and every subgraph sees it. */
export interface Identity {
  /** The staff member's id (the token's `sub`); null for anonymous callers and the gateway itself. */
  sub: string | null;
  name?: string;
  email?: string;
  roles: Role[];
  anonymous: boolean;
}

export const ANONYMOUS: Identity = Object.freeze({ sub: null, roles: [], anonymous: true }) as Identity;

/** SPEC §2: a MANAGER has every right of an AGENT. The one place where one role implies another. */
const IMPLIED_ROLES: Partial<Record<Role, readonly Role[]>> = { MANAGER: ['AGENT'] };

/** The roles a caller effectively holds, implied ones included. */
export function effectiveRoles(identity: Pick<Identity, 'roles'>): Set<Role> {
  const roles = new Set<Role>();
  for (const role of identity.roles) {
    roles.add(role);
    for (const implied of IMPLIED_ROLES[role] ?? []) roles.add(implied);
  }
  return roles;
}

/** True when the caller holds (directly or by implication) at least one of the roles. */
export function hasAnyRole(identity: Pick<Identity, 'roles'>, roles: readonly Role[]): boolean {
  const held = effectiveRoles(identity);
  return roles.some((role) => held.has(role));
}

/** The known roles of a `roles` claim; anything else (unknown names, non-strings) is ignored. */
export function rolesFromClaim(claim: unknown): Role[] {
  if (!Array.isArray(claim)) return [];
  const known = claim.filter((role): role is Role => typeof role === 'string' && (Role as readonly string[]).includes(role));
  return [...new Set(known)];
}
