import { DomainError, type ErrorCode } from '@redress/errors';
import type { HandlerFailure } from './handler-failure.js';

/** The body of an error reply; a successful reply's body is the handler's result as JSON. */
export interface RpcErrorReply {
  error: { code: string; message: string; extensions?: Record<string, unknown>; transient?: boolean };
}

/** The reply's AMQP `type` says which of the two the body is. */
export type RpcReplyKind = 'result' | 'error';

const DOMAIN_CODES: readonly ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'];

export function errorReply(failure: HandlerFailure): RpcErrorReply {
  const { code, message, extensions, transient } = failure;
  return { error: { code, message, ...(extensions && { extensions }), ...(transient && { transient }) } };
}

/** The service answered with an error that is not a domain error (a bug, or an outage over there). */
export class RpcRemoteError extends Error {
  constructor(readonly service: string, readonly code: string, message: string, readonly transient = false) {
    super(`${service}: ${message}`);
    this.name = 'RpcRemoteError';
  }
}

/** No answer in time (the service is down, slow or overloaded): an outage, never a reason to give up on an event. */
export class RpcTimeoutError extends Error {
  readonly transient = true;
  constructor(message: string) {
    super(message);
    this.name = 'RpcTimeoutError';
  }
}

/** The request could not be sent (no broker connection, no such queue). */
export class RpcUnavailableError extends Error {
  readonly transient = true;
  constructor(message: string) {
    super(message);
    this.name = 'RpcUnavailableError';
  }
}

/** A domain error comes back as a DomainError with the same code, so callers can branch on NOT_FOUND etc. */
export function errorFromReply(service: string, reply: RpcErrorReply): Error {
  const { code, message, extensions, transient } = reply.error ?? { code: 'INTERNAL', message: 'malformed error reply' };
  if ((DOMAIN_CODES as readonly string[]).includes(code)) return new DomainError(code as ErrorCode, message, extensions ?? {});
  return new RpcRemoteError(service, code, message, transient === true);
}
