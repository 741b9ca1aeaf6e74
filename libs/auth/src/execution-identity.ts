import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Identity } from './identity.js';

interface WithIdentity {
  identity?: Identity;
  req?: { identity?: Identity };
}

/** The identity the middleware attached to the request, seen from a resolver or a controller. */
export function identityOf(context: ExecutionContext): Identity | undefined {
  if (context.getType<GqlContextType>() === 'graphql') {
    const graphqlContext = GqlExecutionContext.create(context).getContext<WithIdentity>();
    return graphqlContext?.identity ?? graphqlContext?.req?.identity;
  }
  if (context.getType() === 'http') return context.switchToHttp().getRequest<WithIdentity>().identity;
  return undefined;
}
