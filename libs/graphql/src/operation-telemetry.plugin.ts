import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { nameGraphqlOperation } from '@redress/observability';

/**
 * Names the request's span and latency series by the GraphQL operation it runs (`mutation Submit`),
 * once Apollo has chosen it — also when the client sent no `operationName`. Gateway and subgraphs alike.
 */
export function operationTelemetryPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName }) {
          if (operation) nameGraphqlOperation(operation.operation, operationName ?? undefined);
        },
      };
    },
  };
}
