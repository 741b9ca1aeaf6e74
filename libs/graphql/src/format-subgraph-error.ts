import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger, type LoggerService } from '@nestjs/common';
import { DomainError } from '@redress/errors';
import { correlation } from '@redress/observability';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { PUBLIC_ERROR_CODES } from './public-error-codes.js';

// Nest turns a guard that returns false into an HttpException; these two keep their meaning.
const HTTP_STATUS_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN' };

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Maps errors to what a client may see, once for every subgraph: a DomainError becomes its code
 * (+ `field`), Apollo's request errors keep theirs, and anything else — a bug, a database error, a
 * stack — becomes INTERNAL_SERVER_ERROR with a reference, while the real error goes to the log.
 */
export function formatSubgraphError(logger: LoggerService = new Logger('GraphQL')): FormatError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const field = original.code === 'BAD_USER_INPUT' ? original.extensions.field : undefined;
      return publicError(formatted, original.code, original.message, field);
    }
    if (original instanceof HttpException && HTTP_STATUS_CODES[original.getStatus()]) {
      return publicError(formatted, HTTP_STATUS_CODES[original.getStatus()], original.message);
    }
    if (isBadScalarLiteral(error)) return publicError(formatted, 'BAD_USER_INPUT', formatted.message);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) {
      return publicError(formatted, code, formatted.message, formatted.extensions?.field);
    }
    return internalError(formatted, original, logger);
  };
}

/** A scalar that refuses a literal fails validation; it is still the user's input that is wrong. */
function isBadScalarLiteral(error: unknown): boolean {
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  return cause instanceof GraphQLError && cause.extensions.code === 'BAD_USER_INPUT';
}

function publicError(formatted: GraphQLFormattedError, code: string, message: string, field?: unknown): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions: { code, ...(typeof field === 'string' && { field }) },
  };
}

function internalError(formatted: GraphQLFormattedError, original: unknown, logger: LoggerService): GraphQLFormattedError {
  const reference = correlation.id() ?? randomUUID();
  logger.error({ msg: 'GraphQL operation failed unexpectedly', reference, path: formatted.path?.join('.') }, original instanceof Error ? original : new Error(String(original)));
  return {
    message: `Internal error; reference ${reference}`,
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: reference },
  };
}
