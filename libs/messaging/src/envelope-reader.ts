import { checkEnvelope, type EventEnvelope } from '@redress/contracts';

export type EnvelopeRead =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: 'malformed' | 'unknown-type' | 'unknown-version'; problems: string[] };

/** Reads a delivery's body as the envelope the contract promises, arriving under its own type's routing key. */
export function readEnvelope(content: Buffer, routingKey: string): EnvelopeRead {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed', problems: ['body is not JSON'] };
  }
  const check = checkEnvelope(body);
  if (!check.ok) return check;
  if (check.envelope.type !== routingKey) {
    return { ok: false, reason: 'malformed', problems: [`envelope.type ${check.envelope.type} arrived under routing key ${routingKey}`] };
  }
  return check;
}
