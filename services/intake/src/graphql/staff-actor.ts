import { hasAnyRole, type Identity } from '@redress/auth';
import type { EventActor, Role } from '@redress/contracts';

export const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;
export const AGENT_WORK = ['AGENT', 'MANAGER'] as const;

/** SPEC §6: `actor.role` is the role that authorised the action — one held directly, else the one implying it. */
export function actorFor(identity: Identity, allowed: readonly Role[]): EventActor {
  const direct = allowed.find((role) => identity.roles.includes(role));
  const implying = identity.roles.find((role) => hasAnyRole({ roles: [role] }, allowed));
  return { id: identity.sub ?? 'unknown', role: direct ?? implying ?? identity.roles[0] ?? 'UNKNOWN' };
}
