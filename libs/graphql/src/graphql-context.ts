import type { Identity, RequestWithIdentity } from '@redress/auth';

/** What every subgraph resolver gets as its GraphQL context. */
export interface GraphqlContext {
  req: RequestWithIdentity;
  identity: Identity;
}
