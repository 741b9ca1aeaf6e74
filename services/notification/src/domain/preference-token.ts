import { createHmac, timingSafeEqual } from 'node:crypto';

// The customer's opt-out link: it names the customer and is signed, so it needs no sign-in, cannot be
// forged for someone else, and keeps working (an unsubscribe link must not expire).
const PREFIX = 'p1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(customerId: string, secret: string): string {
  return createHmac('sha256', secret).update(`notification-preferences:${customerId}`).digest('base64url');
}

/** A URL-safe token (`[A-Za-z0-9._~-]`) for the customer's preferences. */
export function preferenceToken(customerId: string, secret: string): string {
  return `${PREFIX}.${customerId}.${signature(customerId, secret)}`;
}

/** The customer id the token was made for, or null for anything forged, altered or malformed. */
export function customerOfPreferenceToken(token: string, secret: string): string | null {
  const [prefix, customerId, given, ...rest] = String(token ?? '').trim().split('.');
  if (prefix !== PREFIX || rest.length || !customerId || !given || !UUID.test(customerId)) return null;
  const expected = Buffer.from(signature(customerId, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? customerId : null;
}
