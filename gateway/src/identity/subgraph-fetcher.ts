import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import fetch from 'node-fetch';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** A subgraph that has not answered by then is failing; without it a hung subgraph holds requests (and boot) forever. */
export const SUBGRAPH_TIMEOUT_MS = 30_000;

// Kept-alive sockets with Nagle's algorithm off: every subgraph call reuses a warm connection and small
// bodies leave at once. node-fetch over these agents costs the gateway less CPU per call than Node's
// built-in fetch (undici and its web streams) — see docs/performance.md.
// An idle socket is closed after 4 s, before the subgraph's server closes it (Node's keepAliveTimeout is
// 5 s): otherwise a call can go out on a socket the server is closing at that instant (ECONNRESET).
const agentOptions = { keepAlive: true, keepAliveMsecs: 10_000, maxSockets: 256, maxFreeSockets: 64, noDelay: true, timeout: 4_000 };
const httpAgent = new HttpAgent(agentOptions);
const httpsAgent = new HttpsAgent(agentOptions);

/** The fetch every subgraph call goes through. */
export const subgraphFetcher = ((url: string, init: Parameters<typeof fetch>[1]) =>
  fetch(url, {
    ...init,
    agent: (target: URL) => (target.protocol === 'http:' ? httpAgent : httpsAgent),
    signal: AbortSignal.timeout(SUBGRAPH_TIMEOUT_MS),
  })) as unknown as Fetcher;
