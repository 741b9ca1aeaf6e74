import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { SPEC_ACCESS_POLICY, accessDenial, type AccessPolicy } from './access/operation-access.js';
import { selectedFields } from './access/selected-fields.js';
import type { RequestLimits } from './config/request-limits-config.js';
import type { GatewayContext } from './identity/signed-identity-data-source.js';
import type { AnonymousRateLimiter } from './limits/anonymous-rate-limiter.js';
import { operationCost } from './limits/operation-cost.js';

/**
 * The gateway's checks once an operation is parsed, validated (depth, aliases, directives) and chosen,
 * and before the query planner calls any subgraph: who may call it and read what (SPEC §2), what it
 * would cost, and the anonymous rate limit — in that order.
 */
export function requestChecksPlugin(
  limits: Pick<RequestLimits, 'maxCost'>,
  rateLimiter: AnonymousRateLimiter,
  accessPolicy: AccessPolicy = SPEC_ACCESS_POLICY,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, contextValue, request }: GraphQLRequestContextDidResolveOperation<GatewayContext>) {
          if (!operation) return; // Apollo answers a document without the named operation itself
          const fragments = fragmentsOf(document);
          const fields = selectedFields(schema, operation, fragments);
          const denial = accessDenial(fields, contextValue.identity, accessPolicy);
          if (denial) throw denial;
          const cost = operationCost(schema, operation, fragments, request.variables ?? {});
          if (cost > limits.maxCost) throw tooExpensive(cost, limits.maxCost);
          if (!contextValue.identity.anonymous) return;
          const rootFields = fields.filter((f) => f.root && !f.field.startsWith('__')).map((f) => f.field);
          const limited = await rateLimiter.refusal(contextValue.clientAddress, rootFields);
          if (limited) throw limited;
        },
      };
    },
  };
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

function tooExpensive(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`The operation would cost an estimated ${cost}; the limit is ${maxCost}. Ask for fewer items or fields.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
