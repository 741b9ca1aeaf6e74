import type { ErrorCode } from '@redress/errors';

/** The codes of SPEC §2, in the order they are checked. */
export const DOMAIN_ERROR_CODES: readonly ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'];

/** Apollo's own codes for a request the client got wrong; their messages describe the request, not the server. */
export const REQUEST_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
] as const;

/** Every code a client may see with its message; anything else is INTERNAL_SERVER_ERROR with a reference. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set<string>([...DOMAIN_ERROR_CODES, ...REQUEST_ERROR_CODES]);
