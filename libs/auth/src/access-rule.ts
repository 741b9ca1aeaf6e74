import type { Role } from '@redress/contracts';
import { Forbidden, Unauthenticated, type DomainError } from '@redress/errors';
import { hasAnyRole, type Identity } from './identity.js';

/** What a resolver declares: `@Public()` (anonymous allowed) or `@Roles(...)`. */
export type AccessRule = { public: true } | { roles: readonly Role[] };

/**
 * - `graphql`: a query, mutation or field resolver — default deny: it must declare a rule.
 * - `reference`: an entity reference resolver the gateway calls through `_entities`; the operation that led
 *   there has passed its own rule and each field keeps its own, so it is open unless it declares roles.
 * - `other`: HTTP controllers (health) and event handlers; identity-less plumbing, checked only if declared.
 */
export type HandlerKind = 'graphql' | 'reference' | 'other';

/** The one access decision: null to allow, or the error to answer with (UNAUTHENTICATED before FORBIDDEN). */
export function decideAccess(identity: Identity | undefined, rule: AccessRule | undefined, kind: HandlerKind): DomainError | null {
  if (rule && 'public' in rule) return null;
  if (!rule && kind !== 'graphql') return null;
  const roles = rule?.roles ?? [];
  if (!identity || identity.anonymous) return new Unauthenticated();
  return hasAnyRole(identity, roles) ? null : new Forbidden();
}
