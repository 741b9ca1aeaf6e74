import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands between the gateway and one subgraph, forwarding every request and counting them, so a test
 * can show that the gateway refused an abusive request without calling any subgraph.
 */
export class SubgraphSpy {
  requests = 0;
  private readonly server: Server;

  constructor(private readonly targetPort: number) {
    this.server = createServer((incoming, outgoing) => {
      this.requests += 1;
      const forwarded = request(
        { host: '127.0.0.1', port: this.targetPort, path: incoming.url, method: incoming.method, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.writeHead(502).end());
      incoming.pipe(forwarded);
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
