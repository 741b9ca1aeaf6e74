import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@redress/contracts';
import { accessRuleOf, type AccessRule } from './access-rule.js';
import { FIELD_ACCESS, OPERATION_ACCESS, type OperationName, type RestrictedField } from './access-table.js';
import { identityOf } from './execution-identity.js';
import { ANONYMOUS, type Identity } from './identity.js';

/** Where every access declaration is kept for RolesGuard: one AccessRule per method or class. */
export const ACCESS_METADATA = 'redress:access';

/**
 * The operation's row of OPERATION_ACCESS (SPEC §2), on its Query/Mutation resolver: the table, the
 * gateway and the generated access test then agree by construction. A misspelt name does not compile.
 */
export function Allowed(operation: OperationName): MethodDecorator {
  const row = OPERATION_ACCESS[operation];
  if (row === undefined) throw new Error(`@Allowed('${String(operation)}'): no such operation in OPERATION_ACCESS`);
  return SetMetadata<string, AccessRule>(ACCESS_METADATA, accessRuleOf(row));
}

/** The row of FIELD_ACCESS on a field resolver readable by fewer staff roles than its type. */
export function AllowedField(field: RestrictedField): MethodDecorator {
  return SetMetadata<string, AccessRule>(ACCESS_METADATA, { roles: FIELD_ACCESS[field].roles });
}

/** Allows callers holding any of the roles (MANAGER implies AGENT). On a method or a whole resolver class. */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  return SetMetadata<string, AccessRule>(ACCESS_METADATA, { roles });
}

/** Allows anonymous callers (customers) too. The resolver still decides what an anonymous caller sees. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata<string, AccessRule>(ACCESS_METADATA, { public: true });
}

/** The caller's Identity in a resolver or controller; anonymous when nobody signed in. */
export const CurrentIdentity = createParamDecorator(
  (_: unknown, context: ExecutionContext): Identity => identityOf(context) ?? ANONYMOUS,
);
