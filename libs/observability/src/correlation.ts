import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<{ correlationId: string }>();

/**
 * The correlation id of the work in progress. It is made at the gateway and carried in headers,
 * event envelopes, AMQP properties and job data; here it lives in AsyncLocalStorage so that nobody
 * threads it through parameters by hand.
 */
export const correlation = {
  run<T>(correlationId: string | undefined, fn: () => T): T {
    return storage.run({ correlationId: correlationId || randomUUID() }, fn);
  },
  id(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  /** The current id, or a fresh one for work that starts here (timers, boot). */
  idOrNew(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },
};

export const CORRELATION_HEADER = 'x-correlation-id';
