import type { LoggerService } from '@nestjs/common';
import { correlation } from './correlation.js';
import { activeTraceId } from './tracing/spans.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** One JSON object per line on stdout, each with the service, the current correlation id and, when traced, the trace id. */
export class JsonLogger implements LoggerService {
  constructor(private readonly service: string, private readonly minLevel: Level = 'info') {}

  log(message: unknown, ...rest: unknown[]): void { this.write('info', message, rest); }
  error(message: unknown, ...rest: unknown[]): void { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]): void { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]): void { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]): void { this.write('debug', message, rest); }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      ...(context && { context }),
      correlationId: correlation.id(),
    };
    const traceId = activeTraceId();
    if (traceId) entry.traceId = traceId;
    if (message instanceof Error) Object.assign(entry, { msg: message.message, err: describe(message) });
    else if (typeof message === 'object' && message !== null) Object.assign(entry, message);
    else entry.msg = String(message);
    for (const extra of rest) if (extra instanceof Error) entry.err = describe(extra);
      else if (typeof extra === 'string' && level === 'error') entry.stack = extra;
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  }
}

function describe(error: Error): Record<string, unknown> {
  return { name: error.name, message: error.message, stack: error.stack };
}
