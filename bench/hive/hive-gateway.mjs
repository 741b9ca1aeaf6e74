// Hive Gateway (@graphql-hive/gateway) on the same supergraph as our gateway, for P2. Like ours it
// verifies the caller's staff token and sends the subgraphs the signed identity they require (once per
// request, with a correlation id of its own, as ours does); unlike ours it runs no access table, cost or
// rate checks. A fresh correlation id per request also keeps Hive's in-flight deduplication of identical
// subgraph fetches (on by default, keyed by body and headers) from merging different requests into one,
// a saving our gateway does not make. Usage: node hive-gateway.mjs <port>
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { ANONYMOUS, IDENTITY_HEADER, StaffTokenVerifier, signIdentity } from '../../libs/auth/dist/index.js';
import { loadConfig } from '../../libs/config/dist/index.js';
import { CORRELATION_HEADER } from '../../libs/observability/dist/index.js';

const config = loadConfig();
const staffTokens = new StaffTokenVerifier(config);
const perRequest = new WeakMap();

async function identityHeaders(request) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  const identity = bearer ? await staffTokens.verify(bearer[1]) : ANONYMOUS;
  const correlationId = request.headers.get(CORRELATION_HEADER) ?? randomUUID();
  return { [IDENTITY_HEADER]: await signIdentity(identity, correlationId, config.internalSecret), [CORRELATION_HEADER]: correlationId };
}

const gateway = createGatewayRuntime({
  supergraph: process.env.SUPERGRAPH_PATH,
  logging: 'error',
  landingPage: false,
  graphiql: false,
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      let headers = perRequest.get(request);
      if (!headers) perRequest.set(request, (headers = identityHeaders(request)));
      return headers;
    },
  },
});
createServer(gateway).listen(Number(process.argv[2]), '127.0.0.1');
