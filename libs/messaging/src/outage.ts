// Failures that say a server (PostgreSQL, RabbitMQ, another service) is unreachable or refusing work
// for now, rather than that the handler cannot process this event. They must not use up an event's
// retries: an outage would otherwise push every event in flight into the dead-letter queue.
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND',
  // PostgreSQL: admin/crash shutdown, cannot connect now, too many connections, connection exceptions,
  // serialization failure and deadlock (a retry succeeds once the other transaction is gone).
  '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08007', '40001', '40P01',
]);

const TRANSIENT_MESSAGES =
  /connection terminated|connection (?:is )?(?:closed|ended|refused|reset)|channel (?:closed|ended)|timeout exceeded when trying to connect|database system is (?:shutting down|starting up|in recovery mode)|socket closed|not connected to the broker/i;

/** True when `error` (an Error or an error description) reports an outage rather than a handler failure. */
export function isOutageError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const candidate = error as { transient?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (candidate.transient === true) return true;
  if (typeof candidate.code === 'string' && TRANSIENT_CODES.has(candidate.code)) return true;
  if (typeof candidate.message === 'string' && TRANSIENT_MESSAGES.test(candidate.message)) return true;
  return isOutageError(candidate.driverError) || isOutageError(candidate.cause);
}
