import { attemptsSoFar, nextStep } from './retry-policy.js';

describe('retry policy', () => {
  const delays = [1000, 5000, 30000];

  it('sends a first failure to the first delay, counting one attempt', () => {
    expect(nextStep('notification', 0, delays)).toEqual({ kind: 'retry', queue: 'notification.events.retry.1000ms', delayMs: 1000, attempts: 1 });
  });

  it('backs off further on each failure', () => {
    expect(nextStep('notification', 1, delays)).toMatchObject({ queue: 'notification.events.retry.5000ms', attempts: 2 });
    expect(nextStep('notification', 2, delays)).toMatchObject({ queue: 'notification.events.retry.30000ms', attempts: 3 });
  });

  it('dead-letters once every delay has been used', () => {
    expect(nextStep('notification', 3, delays)).toEqual({ kind: 'dead-letter', attempts: 4 });
  });

  it('dead-letters a message that failed more often than the delays now allow (delays shortened)', () => {
    expect(nextStep('intake', 7, [100])).toEqual({ kind: 'dead-letter', attempts: 8 });
  });

  it('reads the attempts header, treating absent or nonsense values as a first delivery', () => {
    expect(attemptsSoFar({ headers: { 'x-redress-attempts': 2 } })).toBe(2);
    expect(attemptsSoFar({ headers: {} })).toBe(0);
    expect(attemptsSoFar({ headers: undefined })).toBe(0);
    expect(attemptsSoFar({ headers: { 'x-redress-attempts': 'x' } })).toBe(0);
    expect(attemptsSoFar({ headers: { 'x-redress-attempts': -4 } })).toBe(0);
  });
});
