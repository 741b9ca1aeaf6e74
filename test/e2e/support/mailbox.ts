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
  const message = splitHeaders(raw);
  if (!message) return null;
  const { header } = message;
  return { to: header('To'), subject: header('Subject'), body: decodedBody(raw), messageId: header('Message-ID') };
}

function splitHeaders(raw: string): { header: (name: string) => string; body: string } | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  return { header, body: raw.slice(split + 4) };
}

/** The readable text of an entity: each part of a multipart email decoded by its own headers, joined. */
function decodedBody(raw: string): string {
  const entity = splitHeaders(raw);
  if (!entity) return raw.replace(/\r\n/g, '\n');
  const boundary = /multipart\/[a-z]+;.*boundary="?([^";]+)"?/i.exec(entity.header('Content-Type'))?.[1];
  if (boundary) {
    return entity.body.split(`--${boundary}`).slice(1)
      .filter((part) => !part.startsWith('--'))
      .map((part) => decodedBody(part.replace(/^\r\n/, '')))
      .join('\n');
  }
  let body = entity.body;
  if (/quoted-printable/i.test(entity.header('Content-Transfer-Encoding'))) {
    body = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(body, 'latin1').toString('utf8');
  } else if (/base64/i.test(entity.header('Content-Transfer-Encoding'))) {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return body.replace(/\r\n/g, '\n');
}
