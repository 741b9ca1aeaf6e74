/** What one request to the gateway may ask for (SPEC §8); every value can be tuned by an operator. */
export interface RequestLimits {
  /** GRAPHQL_MAX_DEPTH: nesting of selections, fragments expanded. */
  maxDepth: number;
  /** GRAPHQL_MAX_ALIASES: aliases in one document (alias batching). */
  maxAliases: number;
  /** GRAPHQL_MAX_DIRECTIVES: directive uses in one document. */
  maxDirectives: number;
  /** GRAPHQL_MAX_TOKENS: lexical tokens in one document; the parser stops there. */
  maxTokens: number;
  /** GRAPHQL_MAX_COST: estimated fields resolved (lists multiplied by their page size). */
  maxCost: number;
  /** GRAPHQL_MAX_BODY_BYTES: size of a request body. */
  maxBodyBytes: number;
}

/** Per-client budget of anonymous (customer) requests, per operation, shared by every gateway replica through Redis. */
export interface AnonymousRateLimit {
  /** RATE_LIMIT_ANONYMOUS_REQUESTS: requests allowed per window; 0 turns the limit off. */
  requests: number;
  /** RATE_LIMIT_WINDOW_SECONDS. */
  windowSeconds: number;
}

// Our deepest legitimate query (complaint → investigation → notes → fields) is about 5 levels; a page of
// 20 complaints with every nested field costs about 17,000.
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 1_000,
  maxCost: 25_000,
  maxBodyBytes: 256 * 1024,
};

export const DEFAULT_ANONYMOUS_RATE_LIMIT: AnonymousRateLimit = { requests: 30, windowSeconds: 60 };

type Reader = (name: string, fallback: number, min: number) => number;

export function readRequestLimits(read: Reader): RequestLimits {
  const d = DEFAULT_REQUEST_LIMITS;
  return {
    maxDepth: read('GRAPHQL_MAX_DEPTH', d.maxDepth, 1),
    maxAliases: read('GRAPHQL_MAX_ALIASES', d.maxAliases, 0),
    maxDirectives: read('GRAPHQL_MAX_DIRECTIVES', d.maxDirectives, 0),
    maxTokens: read('GRAPHQL_MAX_TOKENS', d.maxTokens, 10),
    maxCost: read('GRAPHQL_MAX_COST', d.maxCost, 1),
    maxBodyBytes: read('GRAPHQL_MAX_BODY_BYTES', d.maxBodyBytes, 1024),
  };
}

export function readAnonymousRateLimit(read: Reader): AnonymousRateLimit {
  const d = DEFAULT_ANONYMOUS_RATE_LIMIT;
  return { requests: read('RATE_LIMIT_ANONYMOUS_REQUESTS', d.requests, 0), windowSeconds: read('RATE_LIMIT_WINDOW_SECONDS', d.windowSeconds, 1) };
}
