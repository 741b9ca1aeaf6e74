/** Stable codes, mapped once to GraphQL `extensions.code` (SPEC §2 lists the order they are checked in). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Authentication is required') { super('UNAUTHENTICATED', message); }
}
export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this') { super('FORBIDDEN', message); }
}
/** Bad input always names the field, so a form can show the message beside it. */
export class BadUserInput extends DomainError {
  constructor(readonly field: string, message: string) { super('BAD_USER_INPUT', `${field}: ${message}`, { field }); }
}
export class NotFound extends DomainError {
  constructor(what: string, id: string) { super('NOT_FOUND', `${what} ${id} does not exist`); }
}
export class Conflict extends DomainError {
  constructor(message: string) { super('CONFLICT', message); }
}
export class RateLimited extends DomainError {
  constructor(message = 'Too many requests, try again later') { super('RATE_LIMITED', message); }
}
