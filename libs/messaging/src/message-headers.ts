/** Headers this library sets on the copies it moves between queues (retry, dead letter, replay). */
export const HEADERS = {
  /** How many times handlers have failed on this event so far (outages excluded). */
  attempts: 'x-redress-attempts',
  /** The routing key the event was first published with; retry and dead-letter copies travel under another. */
  routingKey: 'x-redress-routing-key',
  /** Why the event is in the dead-letter queue: `handler-failed`, `malformed` or `unknown-type`. */
  reason: 'x-redress-reason',
  /** The last error, for the operator reading the dead-letter queue. */
  error: 'x-redress-error',
  failedAt: 'x-redress-failed-at',
  service: 'x-redress-service',
} as const;

export type DeadLetterReason = 'handler-failed' | 'malformed' | 'unknown-type';
