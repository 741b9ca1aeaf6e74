import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { RoundRobinBalancer } from './round-robin-balancer.js';

function replica(name: string): Promise<http.Server> {
  const server = http.createServer((_req, res) => res.end(name));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const portOf = (server: http.Server) => (server.address() as AddressInfo).port;
const get = (port: number) =>
  new Promise<string>((resolve, reject) => {
    http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk)).on('end', () => resolve(body));
    }).on('error', reject);
  });

describe('RoundRobinBalancer', () => {
  it('spreads connections over the replicas and skips one that is down', async () => {
    const [a, b, c] = await Promise.all([replica('a'), replica('b'), replica('c')]);
    const balancer = await new RoundRobinBalancer([a, c, b].map((server) => ({ host: '127.0.0.1', port: portOf(server) }))).listen(0, '127.0.0.1');
    const port = balancer.port;
    await new Promise<void>((resolve) => c.close(() => resolve()));
    const answers: string[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await get(port));
    expect(answers.filter((x) => x === 'a')).toHaveLength(3);
    expect(answers.filter((x) => x === 'b')).toHaveLength(3);
    await balancer.close();
    a.close();
    b.close();
  });

  it('survives a client that resets and a replica that resets mid-connection, and keeps serving', async () => {
    // A replica that takes the request and then dies without answering (killed under load).
    const dying = net.createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => dying.listen(0, '127.0.0.1', () => resolve()));
    // A replica that never answers: the client gives up first.
    const held = new Set<net.Socket>();
    const silent = net.createServer((socket) => void held.add(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const healthy = await replica('healthy');
    const balancer = await new RoundRobinBalancer([dying, silent, healthy].map((server) => ({ host: '127.0.0.1', port: (server.address() as AddressInfo).port })))
      .listen(0, '127.0.0.1');

    const first = await get(balancer.port).then(() => 'answered', (error: NodeJS.ErrnoException) => error.code);
    expect(first).toBe('ECONNRESET'); // the dying replica's reset reaches the client
    // A client that resets its own connection while the replica has not answered yet.
    const client = net.connect(balancer.port, '127.0.0.1');
    client.on('error', () => undefined);
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    client.resetAndDestroy();
    await new Promise((r) => setTimeout(r, 100));

    expect(await get(balancer.port)).toBe('healthy'); // the process lives on; the next connection is served
    await balancer.close();
    held.forEach((socket) => socket.destroy());
    dying.close();
    silent.close();
    healthy.close();
  });
});
