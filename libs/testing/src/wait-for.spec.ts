import { waitFor } from './wait-for.js';

describe('waitFor', () => {
  it('returns the first truthy value the predicate gives', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls >= 3 ? `after ${calls}` : undefined), { intervalMs: 1 })).resolves.toBe('after 3');
  });

  it('fails after the timeout, naming what it waited for and the last error', async () => {
    const failing = waitFor(() => { throw new Error('not yet'); }, { timeoutMs: 30, intervalMs: 5, description: 'the queue to drain' });
    await expect(failing).rejects.toThrow(/the queue to drain: not yet/);
  });
});
