import type { MessageProperties } from 'amqplib';
import type { ServiceName } from '@redress/contracts';
import { HEADERS } from './message-headers.js';
import { retryQueue } from './queue-names.js';

export type FailureStep =
  | { kind: 'retry'; queue: string; delayMs: number; attempts: number }
  | { kind: 'dead-letter'; attempts: number };

/** Failed handler attempts recorded on the message so far (0 for a first delivery). */
export function attemptsSoFar(properties: Pick<MessageProperties, 'headers'>): number {
  const value = Number(properties.headers?.[HEADERS.attempts] ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/**
 * What to do after a handler failed once more: wait in the retry queue of the next delay, or, once
 * every delay has been used, go to the dead-letter queue. `attempts` is what the copy carries.
 */
export function nextStep(service: ServiceName, failedBefore: number, retryDelaysMs: readonly number[]): FailureStep {
  const attempts = failedBefore + 1;
  const delayMs = retryDelaysMs[attempts - 1];
  if (delayMs === undefined) return { kind: 'dead-letter', attempts };
  return { kind: 'retry', queue: retryQueue(service, delayMs), delayMs, attempts };
}
