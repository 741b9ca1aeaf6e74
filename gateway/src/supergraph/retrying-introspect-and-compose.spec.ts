import { backoffDelay } from './retrying-introspect-and-compose.js';

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops growing at the cap', () => {
    const backoff = { initialMs: 500, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => backoffDelay(attempt, backoff))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});
