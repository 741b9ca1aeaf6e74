import { Kind } from 'graphql';
import { DateTimeScalar } from './date-time.scalar.js';

describe('DateTime scalar', () => {
  it('serialises dates as ISO-8601 UTC', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 0, 31, 9, 30)))).toBe('2026-01-31T09:30:00.000Z');
    expect(DateTimeScalar.serialize('2026-01-31T10:30:00+01:00')).toBe('2026-01-31T09:30:00.000Z');
  });

  it('refuses to serialise something that is not a date (a resolver bug, not user input)', () => {
    expect(() => DateTimeScalar.serialize('soon')).toThrow(TypeError);
  });

  it('parses ISO-8601 input with a zone, and plain dates as UTC midnight', () => {
    expect(DateTimeScalar.parseValue('2026-01-31T10:30:00+01:00')).toEqual(new Date('2026-01-31T09:30:00Z'));
    expect(DateTimeScalar.parseValue('2026-01-31T09:30Z')).toEqual(new Date('2026-01-31T09:30:00Z'));
    expect(DateTimeScalar.parseValue('2026-01-31')).toEqual(new Date('2026-01-31T00:00:00Z'));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-03-01T00:00:00.123Z' })).toEqual(new Date('2026-03-01T00:00:00.123Z'));
    expect(DateTimeScalar.parseValue('2026-01-31T09:30:00.123456789Z')).toEqual(new Date('2026-01-31T09:30:00.123Z'));
    expect(DateTimeScalar.parseValue('2026-01-31T09:30:00+14:00')).toEqual(new Date('2026-01-30T19:30:00Z'));
  });

  it.each([
    'yesterday', '2026-02-30', '2026-13-01', '2026-01-31T09:30:00', '2026-01-31T25:00:00Z', '', 1769851800000, null,
    '2026-01-31T09:30:00+24:00', '2026-01-31T09:30:60Z', '2026-01-31T09:30:00Z; DROP TABLE complaints', { $gt: '' }, ['2026-01-31'],
  ])(
    'answers BAD_USER_INPUT to %p',
    (value) => {
      expect(() => DateTimeScalar.parseValue(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    },
  );

  it('answers BAD_USER_INPUT to a non-string literal', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '5' })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
