import { ConfigError, loadConfig, type RedressConfig } from '@redress/config';
import { SERVICES } from '@redress/contracts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

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
  const supergraphPath = env.SUPERGRAPH_PATH?.trim() ? resolve(env.SUPERGRAPH_PATH.trim()) : undefined;
  if (supergraphPath && !existsSync(supergraphPath)) problems.push(`SUPERGRAPH_PATH="${env.SUPERGRAPH_PATH}" does not exist`);
  const pollText = env.SUPERGRAPH_POLL_INTERVAL_MS?.trim() || '10000';
  const supergraphPollIntervalMs = Number(pollText);
  if (!Number.isInteger(supergraphPollIntervalMs) || supergraphPollIntervalMs < 0) {
    problems.push(`SUPERGRAPH_POLL_INTERVAL_MS="${pollText}" must be an integer ≥ 0`);
  }
  if (problems.length || !base) throw new ConfigError(problems);
  const subgraphs = SERVICES.map((name) => ({ name, url: base.subgraphUrls[name] }));
  return { ...base, subgraphs, supergraphPath, supergraphPollIntervalMs };
}
