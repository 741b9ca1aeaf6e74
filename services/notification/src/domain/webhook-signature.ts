import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Redress-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret>`, where
 * `<timestamp>` is `X-Redress-Timestamp` (Unix seconds). Signing the timestamp with the body lets a
 * receiver refuse replays of an old delivery. docs/notifications.md shows a receiver's side.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: same HMAC, compared in constant time, and a timestamp not older than `toleranceSeconds`. */
export function verifyWebhook(
  secret: string, headers: { timestamp: string | undefined; signature: string | undefined }, body: string,
  nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds || !headers.signature) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
