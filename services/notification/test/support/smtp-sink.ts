import { SMTPServer } from 'smtp-server';
import { TcpProxy } from '@redress/testing';

export interface CapturedEmail {
  to: string[];
  subject: string;
  messageId: string;
  headers: Record<string, string>;
  text: string;
  html: string;
}

/**
 * A test SMTP server of our own, behind a TCP proxy the test can cut to simulate an outage without
 * touching any shared server. Recipients listed in `rejected` are refused with 550 (a permanent failure).
 */
export class SmtpSink {
  readonly emails: CapturedEmail[] = [];
  readonly rejected = new Set<string>();

  private constructor(private readonly server: SMTPServer, private readonly proxy: TcpProxy) {}

  static async start(): Promise<SmtpSink> {
    const sink: { instance?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo(address, _session, callback) {
        if (sink.instance?.rejected.has(address.address.toLowerCase())) {
          return callback(Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          sink.instance?.emails.push(parseEmail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
    server.on('error', () => undefined); // a sender reset mid-message (SMTP outage tests) must not end the test process
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const proxy = await new TcpProxy({ host: '127.0.0.1', port }).start();
    sink.instance = new SmtpSink(server, proxy);
    return sink.instance;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.proxy.port}`;
  }

  to(address: string): CapturedEmail[] {
    return this.emails.filter((email) => email.to.includes(address));
  }

  /** The mail server goes away: live connections drop, new ones are refused. */
  cut(): void {
    this.proxy.cut();
  }

  restore(): void {
    this.proxy.restore();
  }

  async close(): Promise<void> {
    await this.proxy.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Just enough MIME for assertions: headers, and the text and HTML parts of multipart/alternative. */
export function parseEmail(raw: string, to: string[]): CapturedEmail {
  const { headers, body } = splitPart(raw);
  const parts: Record<string, string> = {};
  collectParts(headers, body, parts);
  return { to, subject: decodeWords(headers.subject ?? ''), messageId: headers['message-id'] ?? '', headers, text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: split < 0 ? '' : raw.slice(split + 4) };
}

function collectParts(headers: Record<string, string>, body: string, parts: Record<string, string>): void {
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (type.startsWith('multipart/') && boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitPart(chunk.replace(/^\r\n/, ''));
      collectParts(part.headers, part.body, parts);
    }
    return;
  }
  parts[type.split(';')[0]] = decodeBody(body, headers['content-transfer-encoding'] ?? '7bit');
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, mode: string, text: string) =>
    mode.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}
