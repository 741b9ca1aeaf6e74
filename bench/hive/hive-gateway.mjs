// Hive Gateway (@graphql-hive/gateway) on the same supergraph as our gateway, for P2. Like ours it
// verifies the caller's staff token and sends the subgraphs the signed identity they require (once per
// request); unlike ours it runs no access table, cost or rate checks. Usage: node hive-gateway.mjs <port>
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { createServer } from 'node:http';
import { ANONYMOUS, IDENTITY_HEADER, StaffTokenVerifier, signIdentity } from '../../libs/auth/dist/index.js';
import { loadConfig } from '../../libs/config/dist/index.js';

const config = loadConfig();
const staffTokens = new StaffTokenVerifier(config);
const identityTokens = new WeakMap();

async function identityToken(request) {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  const identity = bearer ? await staffTokens.verify(bearer[1]) : ANONYMOUS;
  return signIdentity(identity, request.headers.get('x-correlation-id') ?? 'hive', config.internalSecret);
}

const gateway = createGatewayRuntime({
  supergraph: process.env.SUPERGRAPH_PATH,
  logging: 'error',
  landingPage: false,
  graphiql: false,
  propagateHeaders: {
    async fromClientToSubgraphs({ request }) {
      let token = identityTokens.get(request);
      if (!token) identityTokens.set(request, (token = identityToken(request)));
      return { [IDENTITY_HEADER]: await token };
    },
  },
});
createServer(gateway).listen(Number(process.argv[2]), '127.0.0.1');
