import type { Role } from '@redress/contracts';
import { Forbidden, Unauthenticated, type DomainError } from '@redress/errors';
import { operationRule, type OperationRule } from './access-table.js';
import { hasAnyRole, type Identity } from './identity.js';

/**
 * What a resolver declares: `@Public()` (anyone), `@Roles(...)` (staff with one of the roles), or
 * through `@Allowed(operation)` the operation's row of OPERATION_ACCESS — which may also let anonymous
 * callers in (`anonymous: true`) while staff still need one of the roles.
 */
export type AccessRule = { public: true } | { roles: readonly Role[]; anonymous?: boolean };

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
  const anonymous = !identity || identity.anonymous;
  if (anonymous) return rule?.anonymous ? null : new Unauthenticated();
  return hasAnyRole(identity, rule?.roles ?? []) ? null : new Forbidden();
}

/** The guard's rule for a row of the operation table. */
export function accessRuleOf(rule: OperationRule): AccessRule {
  return rule === 'PUBLIC' ? { public: true } : { roles: rule.roles, anonymous: rule.anonymous !== undefined };
}

/** The decision for a Query/Mutation field by the table; undefined when the table does not list it. */
export function decideOperationAccess(identity: Identity, operation: string): DomainError | null | undefined {
  const rule = operationRule(operation);
  return rule === undefined ? undefined : decideAccess(identity, accessRuleOf(rule), 'graphql');
}
