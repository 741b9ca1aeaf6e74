import { ConfigError, loadConfig, type RedressConfig } from '@redress/config';
import { SERVICES } from '@redress/contracts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAnonymousRateLimit, readRequestLimits, type AnonymousRateLimit, type RequestLimits } from './request-limits-config.js';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export interface GatewayConfig extends RedressConfig {
  /** The subgraphs to compose, or to route to when the supergraph is static. */
  subgraphs: SubgraphEndpoint[];
  /** SUPERGRAPH_PATH: a composed supergraph file (Kubernetes). Unset → compose from the running subgraphs. */
  supergraphPath?: string;
  /** SUPERGRAPH_POLL_INTERVAL_MS: how often dynamic composition looks for changed subgraph schemas (0 = never). */
  supergraphPollIntervalMs: number;
  /** GRAPHQL_MAX_*: what one request may ask for. */
  limits: RequestLimits;
  /** RATE_LIMIT_*: anonymous requests per client. */
  anonymousRateLimit: AnonymousRateLimit;
  /**
   * TRUST_PROXY_HOPS: how many reverse proxies (ingress, load balancer) stand before the gateway; the
   * client address for rate limits is read that many hops back in X-Forwarded-For. 0 = the socket peer.
   */
  trustProxyHops: number;
}

/** The only reader of process.env in the gateway: the shared configuration plus the gateway's own. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const problems: string[] = [];
  let base: RedressConfig | undefined;
  try {
    base = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const integer = (name: string, fallback: number, min: number): number => {
    const text = env[name]?.trim() || String(fallback);
    const value = Number(text);
    if (Number.isInteger(value) && value >= min) return value;
    problems.push(`${name}="${text}" must be an integer ≥ ${min}`);
    return fallback;
  };
  const supergraphPath = env.SUPERGRAPH_PATH?.trim() ? resolve(env.SUPERGRAPH_PATH.trim()) : undefined;
  if (supergraphPath && !existsSync(supergraphPath)) problems.push(`SUPERGRAPH_PATH="${env.SUPERGRAPH_PATH}" does not exist`);
  const supergraphPollIntervalMs = integer('SUPERGRAPH_POLL_INTERVAL_MS', 10_000, 0);
  const limits = readRequestLimits(integer);
  const anonymousRateLimit = readAnonymousRateLimit(integer);
  const trustProxyHops = integer('TRUST_PROXY_HOPS', 0, 0);
  if (problems.length || !base) throw new ConfigError(problems);
  const subgraphs = SERVICES.map((name) => ({ name, url: base.subgraphUrls[name] }));
  return { ...base, subgraphs, supergraphPath, supergraphPollIntervalMs, limits, anonymousRateLimit, trustProxyHops };
}
