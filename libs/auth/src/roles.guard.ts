import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RESOLVER_REFERENCE_METADATA, type GqlContextType } from '@nestjs/graphql';
import { decideAccess, type AccessRule, type HandlerKind } from './access-rule.js';
import { ACCESS_METADATA } from './access.decorators.js';
import { identityOf } from './execution-identity.js';

/** Installed globally by AuthModule; field and reference resolvers reach it through `fieldResolverEnhancers: ['guards']`. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const denial = decideAccess(identityOf(context), this.ruleOf(context), kindOf(context));
    if (denial) throw denial;
    return true;
  }

  /** The method's own rule wins over its class's. */
  private ruleOf(context: ExecutionContext): AccessRule | undefined {
    return this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
  }
}

function kindOf(context: ExecutionContext): HandlerKind {
  if (context.getType<GqlContextType>() !== 'graphql') return 'other';
  return Reflect.getMetadata(RESOLVER_REFERENCE_METADATA, context.getHandler()) ? 'reference' : 'graphql';
}
