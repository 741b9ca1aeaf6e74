import { hasAnyRole, type Identity } from '@redress/auth';
import type { EventActor, Role } from '@redress/contracts';

/**
 * The actor an event records for a staff mutation: the caller and the role that authorised it — the
 * first of `authorisedBy` the caller holds in their token, else the first they hold by implication.
 */
export function actorOf(identity: Identity, authorisedBy: readonly Role[]): EventActor {
  const role = authorisedBy.find((r) => identity.roles.includes(r)) ?? authorisedBy.find((r) => hasAnyRole(identity, [r])) ?? identity.roles[0];
  return { id: identity.sub ?? 'unknown', role: role ?? 'UNKNOWN' };
}
