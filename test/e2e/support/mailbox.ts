import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E } from './e2e-environment.js';

export interface ReceivedEmail {
  to: string;
  subject: string;
  body: string;
  messageId: string;
}

/** Every email the SMTP sink received so far, parsed just enough for assertions. */
export function receivedEmails(): ReceivedEmail[] {
  return readdirSync(E2E.mailDirectory)
    .filter((file) => file.endsWith('.eml'))
    .map((file) => parse(readFileSync(join(E2E.mailDirectory, file), 'utf8')))
    .filter((email): email is ReceivedEmail => email !== null);
}

function parse(raw: string): ReceivedEmail | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  let body = raw.slice(split + 4);
  if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) {
    body = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(body, 'latin1').toString('utf8');
  }
  return { to: header('To'), subject: header('Subject'), body: body.replace(/\r\n/g, '\n'), messageId: header('Message-ID') };
}
