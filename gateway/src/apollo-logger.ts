import type { LoggerService } from '@nestjs/common';

/** Apollo's logger interface, written through our JSON logger. */
export interface ApolloLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

export function apolloLogger(logger: LoggerService): ApolloLogger {
  return {
    debug: (message) => logger.debug?.(message, 'apollo'),
    info: (message) => logger.log(message, 'apollo'),
    warn: (message) => logger.warn(message, 'apollo'),
    error: (message) => logger.error(message, 'apollo'),
  };
}
