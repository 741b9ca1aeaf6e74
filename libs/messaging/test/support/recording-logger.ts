import type { LoggerService } from '@nestjs/common';

export interface LogEntry {
  level: 'log' | 'error' | 'warn' | 'debug' | 'verbose';
  message: unknown;
}

/** Keeps what the library logs, so a test can read it, and prints nothing (set DEBUG_LOGS=1 to print). */
export class RecordingLogger implements LoggerService {
  readonly entries: LogEntry[] = [];

  log(message: unknown): void { this.record('log', message); }
  error(message: unknown): void { this.record('error', message); }
  warn(message: unknown): void { this.record('warn', message); }
  debug(message: unknown): void { this.record('debug', message); }
  verbose(message: unknown): void { this.record('verbose', message); }

  messages(level?: LogEntry['level']): string[] {
    return this.entries.filter((e) => !level || e.level === level).map((e) => {
      const { msg } = (e.message ?? {}) as { msg?: string };
      return typeof e.message === 'string' ? e.message : msg ?? JSON.stringify(e.message);
    });
  }

  private record(level: LogEntry['level'], message: unknown): void {
    this.entries.push({ level, message });
    if (process.env.DEBUG_LOGS) process.stdout.write(`${level} ${JSON.stringify(message)}\n`);
  }
}
