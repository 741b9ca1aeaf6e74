import { baselineOf, isSpike } from './spike-rule.js';

describe('the spike rule', () => {
  it('needs at least ten complaints in the week, whatever the baseline', () => {
    expect(isSpike(9, 0)).toBe(false);
    expect(isSpike(10, 0)).toBe(true);
  });

  it('needs three times the average of the eight weeks before', () => {
    expect(isSpike(29, baselineOf(80))).toBe(false);
    expect(isSpike(30, baselineOf(80))).toBe(true);
  });

  it('averages the baseline over eight weeks, to the hundredth', () => {
    expect(baselineOf(10)).toBe(1.25);
    expect(baselineOf(1)).toBe(0.13);
  });
});
