import { requestLoader } from './request-loader.js';

describe('requestLoader', () => {
  function countingBatch() {
    const calls: (readonly string[])[] = [];
    const batch = async (ids: readonly string[]) => {
      calls.push(ids);
      return ids.map((id) => `complaint ${id}`);
    };
    return { calls, batch };
  }

  it('batches the loads of one request into one call', async () => {
    const { calls, batch } = countingBatch();
    const context = {};
    const values = await Promise.all(['a', 'b', 'a'].map((id) => requestLoader(context, 'complaints', batch).load(id)));
    expect(values).toEqual(['complaint a', 'complaint b', 'complaint a']);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('keeps requests apart, so nothing is cached across callers', async () => {
    const { calls, batch } = countingBatch();
    await requestLoader({}, 'complaints', batch).load('a');
    await requestLoader({}, 'complaints', batch).load('a');
    expect(calls).toHaveLength(2);
  });

  it('keeps loaders of different keys apart within a request', () => {
    const context = {};
    const { batch } = countingBatch();
    expect(requestLoader(context, 'complaints', batch)).not.toBe(requestLoader(context, 'customers', batch));
    expect(requestLoader(context, 'complaints', batch)).toBe(requestLoader(context, 'complaints', batch));
  });
});
