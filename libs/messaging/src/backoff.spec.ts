import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  const range = { minMs: 100, maxMs: 1000 };
  const middle = () => 0.5;

  it('doubles from the minimum on each failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, range, middle))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the maximum, even with jitter', () => {
    expect(backoffDelay(10, range, () => 1)).toBe(1000);
    expect(backoffDelay(50, range, () => 1)).toBe(1000);
  });

  it('spreads delays by ±20 %', () => {
    expect(backoffDelay(1, range, () => 0)).toBe(80);
    expect(backoffDelay(1, range, () => 1)).toBe(120);
  });
});
