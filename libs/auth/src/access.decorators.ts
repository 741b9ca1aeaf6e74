import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@redress/contracts';
import { identityOf } from './execution-identity.js';
import { ANONYMOUS, type Identity } from './identity.js';

export const ROLES_METADATA = 'redress:roles';
export const PUBLIC_METADATA = 'redress:public';

/** Allows callers holding any of the roles (MANAGER implies AGENT). On a method or a whole resolver class. */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  return SetMetadata(ROLES_METADATA, roles);
}

/** Allows anonymous callers (customers) too. The resolver still decides what an anonymous caller sees. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_METADATA, true);
}

/** The caller's Identity in a resolver or controller; anonymous when nobody signed in. */
export const CurrentIdentity = createParamDecorator(
  (_: unknown, context: ExecutionContext): Identity => identityOf(context) ?? ANONYMOUS,
);
