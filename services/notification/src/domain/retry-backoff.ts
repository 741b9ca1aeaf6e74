/**
 * Exponential backoff with a ceiling: base, 2×base, 4×base … but never more than `maxMs`, so a message
 * waiting out a long outage is retried soon after the server is back rather than an hour later.
 */
export function cappedBackoff(attemptsMade: number, baseMs: number, maxMs: number): number {
  const exponent = Math.max(0, attemptsMade - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}

/** The BullMQ backoff type name both job queues use with `cappedBackoff`. */
export const CAPPED_BACKOFF = 'capped-exponential';
