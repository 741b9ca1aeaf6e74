import net from 'node:net';
import { TcpProxy } from './tcp-proxy.js';

async function echoServer(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('close', () => reject(new Error('closed before any reply')));
    socket.once('error', reject);
  });
}

describe('TcpProxy', () => {
  let target: net.Server;
  let proxy: TcpProxy;

  beforeEach(async () => {
    target = await echoServer();
    proxy = await new TcpProxy({ host: '127.0.0.1', port: (target.address() as net.AddressInfo).port }).start();
  });

  afterEach(async () => {
    await proxy.close();
    await new Promise((resolve) => target.close(resolve));
  });

  it('forwards traffic to the target', async () => {
    await expect(exchange(proxy.port, 'hello')).resolves.toBe('hello');
  });

  it('drops live connections on cut, refuses new ones until restored', async () => {
    const live = net.connect(proxy.port, '127.0.0.1');
    await new Promise((resolve) => live.once('connect', resolve));
    const closed = new Promise((resolve) => live.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    proxy.cut();
    await closed;
    await expect(exchange(proxy.port, 'refused?')).rejects.toThrow();
    proxy.restore();
    await expect(exchange(proxy.port, 'back')).resolves.toBe('back');
  });

  it('rewrites a URL to go through the proxy', () => {
    expect(proxy.urlThrough('amqp://guest:guest@localhost:5672/vh')).toBe(`amqp://guest:guest@127.0.0.1:${proxy.port}/vh`);
  });
});
