import type { LoggerService } from '@nestjs/common';
import { PUBLIC_ERROR_CODES } from '@redress/graphql';
import { correlation } from '@redress/observability';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';

/**
 * The last word on what a client sees, in every environment: a listed code keeps its message and
 * `field`; anything else (a subgraph's internal error, a subgraph that is down, a gateway bug) becomes
 * INTERNAL_SERVER_ERROR. Every other extension — subgraph stack traces, `serviceName`, HTTP details —
 * is dropped, and every error carries the correlation id.
 */
export function formatGatewayError(logger: LoggerService) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const correlationId = correlation.id() ?? randomUUID();
    const code = formatted.extensions?.code;
    const where = {
      ...(formatted.locations && { locations: formatted.locations }),
      ...(formatted.path && { path: formatted.path }),
    };
    if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) {
      const field = formatted.extensions?.field;
      return { message: formatted.message, ...where, extensions: { code, ...(typeof field === 'string' && { field }), correlationId } };
    }
    logger.error(
      { msg: 'GraphQL request failed', reference: correlationId, code, subgraph: formatted.extensions?.serviceName, path: formatted.path?.join('.') },
      error instanceof Error ? error : new Error(formatted.message),
    );
    return { message: `Internal error; reference ${correlationId}`, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } };
  };
}
