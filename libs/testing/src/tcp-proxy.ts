import net from 'node:net';

/**
 * A local TCP forwarder that a test can cut and restore, to simulate a broker (or database) outage
 * for one client without stopping the shared server other test files are using.
 */
export class TcpProxy {
  private readonly server = net.createServer((client) => this.accept(client));
  private readonly sockets = new Set<net.Socket>();
  private isCut = false;

  constructor(private readonly target: { host: string; port: number }) {}

  /** Forwards to the host and port of a URL, e.g. the broker's `amqp://…:5672/vhost`. */
  static forUrl(url: string): TcpProxy {
    const parsed = new URL(url);
    return new TcpProxy({ host: parsed.hostname || 'localhost', port: Number(parsed.port) || defaultPort(parsed.protocol) });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('TcpProxy is not listening');
    return address.port;
  }

  /** `url` with its host and port replaced by the proxy's. */
  urlThrough(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  /** Drops every live connection and refuses new ones until `restore()`. */
  cut(): void {
    this.isCut = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (this.isCut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.target.port, this.target.host);
    for (const [socket, peer] of [[client, upstream], [upstream, client]] as const) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => peer.destroy());
      socket.on('close', () => {
        this.sockets.delete(socket);
        peer.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

function defaultPort(protocol: string): number {
  return ({ 'amqp:': 5672, 'amqps:': 5671, 'postgres:': 5432, 'postgresql:': 5432, 'redis:': 6379 } as Record<string, number>)[protocol] ?? 80;
}
