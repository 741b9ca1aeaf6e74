import { DeliveryWindow } from './delivery-window.js';

describe('DeliveryWindow', () => {
  it('passes on together what arrives in one turn of the event loop, at most maxSize at a time', async () => {
    const flushed: number[][] = [];
    const window = new DeliveryWindow<number>(async (items) => void flushed.push(items), 3);
    const first = [1, 2, 3, 4, 5].map((n) => window.add(n));
    await Promise.all(first);
    await window.add(6);
    expect(flushed).toEqual([[1, 2, 3], [4, 5], [6]]);
  });

  it('settles each caller with its own part: a failed part rejects only its callers', async () => {
    const window = new DeliveryWindow<number>(async (items) => {
      if (items.includes(2)) throw new Error('part failed');
    }, 2);
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => window.add(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });

  it('deals with at most `concurrency` parts at once; what arrives meanwhile goes together when a slot frees', async () => {
    const flushed: number[][] = [];
    const releases: (() => void)[] = [];
    const window = new DeliveryWindow<number>((items) => {
      flushed.push(items);
      return new Promise<void>((resolve) => releases.push(resolve));
    }, 100, 1);
    const settled: Promise<void>[] = [window.add(1)];
    await new Promise((r) => setImmediate(r));
    settled.push(window.add(2), window.add(3));
    await new Promise((r) => setImmediate(r));
    expect(flushed).toEqual([[1]]); // 2 and 3 wait for the slot
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 5));
    settled.push(window.add(4));
    await new Promise((r) => setTimeout(r, 5));
    expect(flushed).toEqual([[1], [2, 3]]);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 5));
    releases.shift()!();
    await Promise.all(settled);
    expect(flushed).toEqual([[1], [2, 3], [4]]);
  });
});

