import { BadUserInput } from '@redress/errors';

/** Opaque cursor over the newest-first order (received_at DESC, id DESC). */
export function encodeCursor(receivedAt: Date, id: string): string {
  return Buffer.from(`${receivedAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(at ?? '');
  if (!id || Number.isNaN(receivedAt.getTime())) throw new BadUserInput('after', 'is not a cursor this API returned');
  return { receivedAt, id };
}
