import { assertWithinApprovalLimit, validateOptions } from './remedy-options.js';

const refund = (amount: number | null, currency: string | null = 'EUR') => ({ type: 'REFUND', description: 'Refund of the fee', amount, currency });

describe('remedy options', () => {
  it('trims descriptions and reads currencies as ISO 4217 codes', () => {
    expect(validateOptions([{ ...refund(49.9, 'eur'), description: '  Refund  ' }, { type: 'APOLOGY', description: 'Sorry' }])).toEqual([
      { type: 'REFUND', description: 'Refund', amount: 49.9, currency: 'EUR' },
      { type: 'APOLOGY', description: 'Sorry', amount: null, currency: null },
    ]);
  });

  it('names the field of a bad option', () => {
    const field = (options: unknown[]) => {
      try {
        validateOptions(options as never);
      } catch (error) {
        return (error as { field?: string }).field;
      }
      return undefined;
    };
    expect(field([])).toBe('options');
    expect(field([refund(10, null)])).toBe('options[0].currency');
    expect(field([{ type: 'APOLOGY', description: 'x', currency: 'EUR' }])).toBe('options[0].amount');
    expect(field([{ type: 'APOLOGY', description: 'Sorry' }, refund(-1)])).toBe('options[1].amount');
    expect(field([refund(10, 'EURO')])).toBe('options[0].currency');
    expect(field([refund(10, 'E1R')])).toBe('options[0].currency');
    expect(field([{ type: 'CASH', description: 'x' }])).toBe('options[0].type');
    expect(field([{ type: 'OTHER', description: '  ' }])).toBe('options[0].description');
    expect(field(Array.from({ length: 11 }, () => ({ type: 'APOLOGY', description: 'Sorry' })))).toBe('options');
  });

  it('lets only a manager offer a refund or credit above the approval limit', () => {
    expect(() => assertWithinApprovalLimit([refund(500)], 500, false)).not.toThrow();
    expect(() => assertWithinApprovalLimit([refund(500.01)], 500, false)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertWithinApprovalLimit([{ type: 'CREDIT', description: 'x', amount: 900, currency: 'EUR' }], 500, false)).toThrow(/CREDIT/);
    expect(() => assertWithinApprovalLimit([refund(5000)], 500, true)).not.toThrow();
    expect(() => assertWithinApprovalLimit([{ type: 'REPLACEMENT', description: 'New phone', amount: 900, currency: 'EUR' }], 500, false)).not.toThrow();
  });
});
