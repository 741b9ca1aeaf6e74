import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
});
