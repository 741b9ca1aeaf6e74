import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// A date, optionally with a time; a time needs an explicit offset, so nothing depends on the server's zone.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function invalid(value: unknown): GraphQLError {
  return new GraphQLError(`DateTime must be an ISO-8601 date-time with a time zone, e.g. 2026-01-31T09:30:00Z (got ${JSON.stringify(value)})`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Parses ISO-8601 input; calendar-impossible dates (2026-02-30) and missing zones are refused. */
export function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_8601.exec(value.trim()) : null;
  if (!match) throw invalid(value);
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const date = new Date(value as string);
  const calendar = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  const sameCalendarDay = calendar.getUTCFullYear() === +year && calendar.getUTCMonth() === +month - 1 && calendar.getUTCDate() === +day;
  if (Number.isNaN(date.getTime()) || !sameCalendarDay || +hour > 23 || +minute > 59 || +second > 59) throw invalid(value);
  return date;
}

/** ISO-8601 UTC out (`2026-01-31T09:30:00.000Z`), whatever the resolver returned. */
export function serializeDateTime(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
  return date.toISOString();
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'ISO-8601 date-time in UTC, e.g. 2026-01-31T09:30:00.000Z',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind === Kind.NULL ? null : 'a non-string literal');
    return parseDateTime(ast.value);
  },
});
