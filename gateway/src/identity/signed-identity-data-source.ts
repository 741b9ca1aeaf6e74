import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS, IDENTITY_HEADER, signIdentity, type Identity } from '@redress/auth';
import { CORRELATION_HEADER, correlation, injectTraceHeaders } from '@redress/observability';
import { GraphQLError } from 'graphql';
import { subgraphFetcher } from './subgraph-fetcher.js';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

interface GraphqlErrorBody {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

/** What the gateway knows about an incoming request. */
export interface GatewayContext {
  identity: Identity;
  correlationId: string;
  /** The client's address (behind TRUST_PROXY_HOPS proxies), for anonymous rate limits. */
  clientAddress?: string;
  /** Signed once per request, shared by all its subgraph fetches. */
  identityToken?: Promise<string>;
}

/**
 * Sends every subgraph request — operations, `_service` schema fetches, health checks — with the
 * caller's identity signed by INTERNAL_SECRET and the correlation id (and, when tracing, `traceparent`);
 * subgraphs refuse anything else.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly internalSecret: string) {
    super({ url, fetcher: subgraphFetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { identity = ANONYMOUS, correlationId = correlation.idOrNew() } = context as Partial<GatewayContext>;
    const token = await this.tokenFor(context as Partial<GatewayContext>, identity, correlationId);
    request.http?.headers.set(IDENTITY_HEADER, token);
    request.http?.headers.set(CORRELATION_HEADER, correlationId);
    if (request.http) injectTraceHeaders(request.http.headers); // the active span is @apollo/gateway's fetch span
  }

  /**
   * A subgraph answers 4xx with a GraphQL body for a request it refuses (a variable it cannot coerce):
   * keep that error's message and code, which the gateway's formatError then filters. A 401/403 means
   * the subgraph refused the gateway itself — a deployment fault, never the caller's.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    if (response.status === 401 || response.status === 403) {
      return new GraphQLError(`Subgraph ${this.url} refused the gateway's signed identity (HTTP ${response.status}); is INTERNAL_SECRET the same everywhere?`, {
        extensions: { code: 'SUBGRAPH_REFUSED_GATEWAY' },
      });
    }
    const body = await this.parseBody(response).catch(() => undefined);
    const first = typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: GraphqlErrorBody[] }).errors[0] : undefined;
    if (first && typeof first.message === 'string') return new GraphQLError(first.message, { extensions: { ...first.extensions } });
    return new GraphQLError(`Subgraph ${this.url} answered HTTP ${response.status}`, { extensions: { code: 'SUBGRAPH_HTTP_ERROR' } });
  }

  private tokenFor(context: Partial<GatewayContext>, identity: Identity, correlationId: string): Promise<string> {
    if (!context.identity) return signIdentity(identity, correlationId, this.internalSecret);
    context.identityToken ??= signIdentity(identity, correlationId, this.internalSecret);
    return context.identityToken;
  }
}
