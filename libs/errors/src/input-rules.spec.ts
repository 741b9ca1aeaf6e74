import { input } from './input-rules.js';

const badInput = (field: string) => expect.objectContaining({ code: 'BAD_USER_INPUT', field });

describe('input rules (SPEC §8)', () => {
  it('trims text, refuses blanks and counts the limit after trimming', () => {
    expect(input.required('subject', '  Charged twice  ', 13)).toBe('Charged twice');
    expect(() => input.required('subject', '   ', 10)).toThrow(badInput('subject'));
    expect(() => input.required('subject', null, 10)).toThrow(badInput('subject'));
    expect(() => input.required('subject', 'x'.repeat(11), 10)).toThrow(badInput('subject'));
    expect(input.optional('desiredOutcome', '  ', 10)).toBeNull();
  });

  it('refuses control characters — NUL would otherwise reach PostgreSQL — but keeps line breaks and tabs', () => {
    expect(() => input.required('input.subject', 'a\u0000b', 10)).toThrow(badInput('input.subject'));
    expect(() => input.optional('comment', 'bell\u0007', 10)).toThrow(badInput('comment'));
    expect(() => input.optional('comment', 'del\u007f', 10)).toThrow(badInput('comment'));
    expect(input.required('description', 'line one\nline two\r\n\tindented', 100)).toBe('line one\nline two\r\n\tindented');
  });

  it('refuses a value that is not text (a number or object slipped into a String field)', () => {
    expect(() => input.required('name', 42 as unknown as string, 10)).toThrow(badInput('name'));
    expect(() => input.optional('name', {} as unknown as string, 10)).toThrow(badInput('name'));
  });

  it('accepts ordinary email addresses, lower-cased, and refuses the rest', () => {
    expect(input.email('email', ' Grace.Hopper+complaints@Example.co.uk ')).toBe('grace.hopper+complaints@example.co.uk');
    for (const bad of ['grace', 'grace@', '@example.com', 'grace@example', 'a b@example.com', 'grace@exa mple.com', '"x"@example.com', 'a<b>@example.com', `${'x'.repeat(65)}@example.com`, 'grace@example.']) {
      expect(() => input.email('customer.email', bad)).toThrow(badInput('customer.email'));
    }
  });

  it('checks UUIDs without touching the database', () => {
    expect(input.uuid('id', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    for (const bad of [undefined, '', '42', "1' OR '1'='1", 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1', 7 as unknown as string]) {
      expect(() => input.uuid('complaintId', bad)).toThrow(badInput('complaintId'));
      expect(input.isUuid(bad)).toBe(false);
    }
  });

  it('bounds whole numbers', () => {
    expect(input.integer('rating', 5, 1, 5)).toBe(5);
    for (const bad of [0, 6, 2.5, Number.NaN, null]) expect(() => input.integer('rating', bad, 1, 5)).toThrow(badInput('rating'));
  });

  it('accepts amounts of 0 or more with at most two decimals', () => {
    expect(input.amount('amount', 0)).toBe(0);
    expect(input.amount('amount', 19.99)).toBe(19.99);
    for (const bad of [-0.01, 1.005, Number.POSITIVE_INFINITY, Number.NaN, 1e12]) expect(() => input.amount('options[0].amount', bad)).toThrow(badInput('options[0].amount'));
    expect(input.amount('amount', 1.005, { decimals: 3 })).toBe(1.005);
  });

  it('knows ISO 4217 currency codes', () => {
    expect(input.currency('currency', ' eur ')).toBe('EUR');
    for (const bad of ['EURO', 'XYZ', '€', '', null]) expect(() => input.currency('currency', bad)).toThrow(badInput('currency'));
  });

  it('checks date ranges', () => {
    const fields = { from: 'from', to: 'to' };
    const from = new Date('2026-01-01T00:00:00Z');
    expect(input.dateRange(fields, from, new Date('2026-02-01T00:00:00Z'))).toEqual({ from, to: new Date('2026-02-01T00:00:00Z') });
    expect(() => input.dateRange(fields, from, from)).toThrow(badInput('to'));
    expect(() => input.dateRange(fields, from, new Date('2040-01-01T00:00:00Z'))).toThrow(badInput('to'));
  });
});
