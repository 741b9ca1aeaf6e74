import { cappedBackoff } from './retry-backoff.js';

describe('cappedBackoff', () => {
  it('doubles from the base and stops growing at the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => cappedBackoff(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(cappedBackoff(500, 1000, 60_000)).toBe(60_000);
    expect(cappedBackoff(0, 1000, 60_000)).toBe(1000);
  });
});
