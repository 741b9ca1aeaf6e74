import { anonymousMayRead, decideOperationAccess, type Identity } from '@redress/auth';
import { GraphQLError } from 'graphql';
import type { SelectedField } from './selected-fields.js';

/** SPEC §2 as the gateway applies it; the tables of @redress/auth unless a test composes other types. */
export interface AccessPolicy {
  /** null to allow, an error to refuse, undefined when the operation is not listed (its subgraph decides). */
  decideOperation(identity: Identity, operation: string): { code: string } | null | undefined;
  anonymousMayRead(type: string, field: string): boolean;
}

export const SPEC_ACCESS_POLICY: AccessPolicy = { decideOperation: decideOperationAccess, anonymousMayRead };

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

const isIntrospection = (name: string) => name.startsWith('__');

/**
 * SPEC §2 at the edge, before any subgraph is called: each root field against OPERATION_ACCESS, and for
 * anonymous callers each selected field against ANONYMOUS_READABLE — so a customer's submission that
 * asks for a field it may not read is refused before anything is stored. Subgraphs still decide every
 * operation and field themselves (default deny); an operation the table does not list is left to them.
 * UNAUTHENTICATED wins over FORBIDDEN, as everywhere.
 */
export function accessDenial(fields: readonly SelectedField[], identity: Identity, policy: AccessPolicy = SPEC_ACCESS_POLICY): GraphQLError | null {
  let forbidden: GraphQLError | null = null;
  for (const { parentType, field, root } of fields) {
    if (isIntrospection(field) || isIntrospection(parentType)) continue;
    if (root) {
      const denial = policy.decideOperation(identity, field);
      if (denial?.code === 'UNAUTHENTICATED') return refusal('UNAUTHENTICATED', `${field} needs a staff sign-in`);
      if (denial) forbidden ??= refusal('FORBIDDEN', `Your roles do not allow ${field}`);
    } else if (identity.anonymous && !policy.anonymousMayRead(parentType, field)) {
      return refusal('UNAUTHENTICATED', `${parentType}.${field} needs a staff sign-in`);
    }
  }
  return forbidden;
}

function refusal(code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: HTTP_STATUS[code] } } });
}
