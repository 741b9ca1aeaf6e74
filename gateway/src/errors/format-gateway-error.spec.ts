import type { LoggerService } from '@nestjs/common';
import { correlation } from '@redress/observability';
import { GraphQLError } from 'graphql';
import { formatGatewayError } from './format-gateway-error.js';

class LoggerFake implements LoggerService {
  errors: unknown[][] = [];
  log() {}
  warn() {}
  error(...args: unknown[]) { this.errors.push(args); }
}

function format(extensions: Record<string, unknown>, message = 'Something') {
  const logger = new LoggerFake();
  const formatted = { message, path: ['complaint'], extensions };
  const result = correlation.run('corr-42abc', () => formatGatewayError(logger)(formatted, new GraphQLError(message)));
  return { result, logger };
}

describe('formatGatewayError', () => {
  it('passes a listed code with its message and field, plus the correlation id', () => {
    const { result } = format({ code: 'BAD_USER_INPUT', field: 'input.subject', serviceName: 'intake' }, 'input.subject: must not be blank');
    expect(result).toEqual({
      message: 'input.subject: must not be blank',
      path: ['complaint'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.subject', correlationId: 'corr-42abc' },
    });
  });

  it.each(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'])(
    'passes %s',
    (code) => {
      expect(format({ code }).result.extensions?.code).toBe(code);
    },
  );

  it('strips subgraph stack traces and every other extension', () => {
    const { result } = format({ code: 'NOT_FOUND', serviceName: 'intake', stacktrace: ['Error: at Repository.find (/app/x.js:1:1)'], exception: { sql: 'SELECT 1' } });
    expect(result.extensions).toEqual({ code: 'NOT_FOUND', correlationId: 'corr-42abc' });
  });

  it('turns anything else into INTERNAL_SERVER_ERROR with the reference, and logs it', () => {
    const { result, logger } = format(
      { code: 'INTERNAL_SERVER_ERROR', serviceName: 'intake', stacktrace: ['QueryFailedError: relation "complaint" does not exist'] },
      'relation "complaint" does not exist',
    );
    expect(result).toEqual({ message: 'Internal error; reference corr-42abc', path: ['complaint'], extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'corr-42abc' } });
    expect(logger.errors[0][0]).toMatchObject({ reference: 'corr-42abc', subgraph: 'intake' });
  });

  it('does not trust an unknown code from a subgraph', () => {
    expect(format({ code: 'DOWNSTREAM_SERVICE_ERROR' }, 'connect ECONNREFUSED 10.0.0.7:4001').result.message).toBe('Internal error; reference corr-42abc');
  });
});
