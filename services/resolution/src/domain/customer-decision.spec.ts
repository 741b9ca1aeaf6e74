import { decidedOption } from './customer-decision.js';

const [a, b] = ['7f0c4d0e-1111-4aaa-8aaa-000000000001', '7f0c4d0e-1111-4aaa-8aaa-000000000002'];
const decide = (accept: boolean, optionId: string | null, options: string[]) => decidedOption({ accept, optionId, comment: null }, options);

describe('the option a customer decides on', () => {
  it('takes the only option when the customer accepts without naming one', () => {
    expect(decide(true, null, [a])).toBe(a);
  });

  it('needs a named option to accept one of several', () => {
    expect(decide(true, b, [a, b])).toBe(b);
    expect(() => decide(true, null, [a, b])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'optionId' }));
  });

  it('refuses an option of another proposal', () => {
    expect(() => decide(true, b, [a])).toThrow(/proposal's options/);
    expect(() => decide(false, b, [a])).toThrow(/proposal's options/);
  });

  it('lets a rejection name the option turned down, or none', () => {
    expect(decide(false, null, [a, b])).toBeNull();
    expect(decide(false, a, [a, b])).toBe(a);
  });
});
