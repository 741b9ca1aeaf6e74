import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The receiver's own check, exactly as docs/notifications.md tells integrators to do it. */
  signatureValid: boolean;
  answered: number;
}

/**
 * A system that receives Redress webhooks: checks each signature with the shared secret and answers
 * with the status the test chose for that path (by default 200).
 */
export class WebhookReceiver {
  readonly posts: ReceivedPost[] = [];
  /** Status codes to answer on a path, one per request, then 200 (or `always`). */
  readonly script = new Map<string, { next: number[]; always?: number }>();
  private readonly server: Server;

  constructor(private readonly secret: string) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = request.url ?? '/';
        const plan = this.script.get(path);
        const answered = plan?.next.shift() ?? plan?.always ?? 200;
        this.posts.push({ path, headers: request.headers, body, signatureValid: this.verify(request.headers, body), answered });
        response.writeHead(answered, { 'content-type': 'text/plain' }).end(answered < 300 ? 'ok' : 'try later');
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}${path}`;
  }

  on(path: string): ReceivedPost[] {
    return this.posts.filter((post) => post.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private verify(headers: IncomingHttpHeaders, body: string): boolean {
    const timestamp = String(headers['x-redress-timestamp'] ?? '');
    const signature = String(headers['x-redress-signature'] ?? '');
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const expected = `v1=${createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex')}`;
    return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  }
}
