import type { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from './transaction-runner.js';

// A fake DataSource whose transaction commits unless the work throws.
function fakeDataSource(): DataSource {
  return {
    manager: { name: 'plain' },
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => work({ name: 'tx' } as unknown as EntityManager),
  } as unknown as DataSource;
}

describe('TransactionRunner', () => {
  it('joins the open transaction instead of nesting a second one', async () => {
    const runner = new TransactionRunner(fakeDataSource());
    await runner.run(async (outer) => {
      await runner.run(async (inner) => expect(inner).toBe(outer));
      expect(runner.manager).toBe(outer);
    });
    expect(runner.active).toBe(false);
  });

  it('runs after-commit callbacks only once the work succeeded', async () => {
    const runner = new TransactionRunner(fakeDataSource());
    const calls: string[] = [];
    await runner.run(async () => {
      runner.afterCommit(() => calls.push('committed'));
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual(['committed']);
    await expect(
      runner.run(async () => {
        runner.afterCommit(() => calls.push('rolled back'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(calls).toEqual(['committed']);
  });

  it('refuses outbox-style writes outside a transaction', () => {
    expect(() => new TransactionRunner(fakeDataSource()).requireManager()).toThrow(/inside TransactionRunner.run/);
  });
});
