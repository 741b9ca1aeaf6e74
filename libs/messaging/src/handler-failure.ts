import { DomainError } from '@redress/errors';
import { isOutageError } from './outage.js';

/** An error a handler threw, as it travels in RPC replies and dead-letter headers. */
export interface HandlerFailure {
  /** A DomainError's code (NOT_FOUND, BAD_USER_INPUT, …) or INTERNAL. */
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
  /** Set when the failure was an outage (database, broker, another service down), not the handler's logic. */
  transient?: boolean;
  /** For logs only; never sent to another service. */
  stack?: string;
}

export const INTERNAL = 'INTERNAL';

export function describeFailure(error: unknown): HandlerFailure {
  if (error instanceof DomainError) return { code: error.code, message: error.message, extensions: error.extensions };
  const transient = isOutageError(error) || undefined;
  if (error instanceof Error) return { code: INTERNAL, message: error.message, transient, stack: error.stack };
  if (error && typeof error === 'object') {
    const described = error as Partial<HandlerFailure>;
    return {
      code: typeof described.code === 'string' ? described.code : INTERNAL,
      message: typeof described.message === 'string' ? described.message : JSON.stringify(error),
      ...(described.extensions && { extensions: described.extensions }),
      transient,
    };
  }
  return { code: INTERNAL, message: String(error), transient };
}

/** What Nest's default exception filter leaves of an error: nothing useful. */
export function isDetailLost(failure: HandlerFailure): boolean {
  return failure.code === INTERNAL && failure.message === 'Internal server error';
}
