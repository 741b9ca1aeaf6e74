import net from 'node:net';

/**
 * A small TCP load balancer for running several replicas of a service on one machine (what a
 * Kubernetes Service does in a cluster): each new connection goes to the next replica that accepts it.
 */
export class RoundRobinBalancer {
  private readonly server = net.createServer((client) => this.accept(client, 0));
  private readonly sockets = new Set<net.Socket>();
  private next = 0;

  constructor(private readonly targets: { host: string; port: number }[]) {}

  listen(port: number, host = '0.0.0.0'): Promise<this> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve(this));
    });
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket, tried: number): void {
    // Every socket error is handled: an unhandled one (a client or a killed replica resetting) would end the process.
    if (tried === 0) client.on('error', () => client.destroy());
    if (tried >= this.targets.length || client.destroyed) {
      client.destroy();
      return;
    }
    const target = this.targets[this.next++ % this.targets.length];
    const upstream = net.connect(target);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      upstream.setNoDelay(true);
      client.setNoDelay(true);
      this.track(client, upstream);
      client.pipe(upstream).pipe(client);
    });
    // A replica that is down (restarting, killed) is skipped; the connection tries the next one.
    upstream.on('error', () => {
      upstream.destroy();
      if (!connected) this.accept(client, tried + 1);
      else client.destroy();
    });
  }

  private track(client: net.Socket, upstream: net.Socket): void {
    this.sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.once('close', end);
    upstream.once('close', end);
  }
}
