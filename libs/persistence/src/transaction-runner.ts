import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Carries the open transaction's EntityManager through AsyncLocalStorage, so a use case, the outbox
 * writer and the inbox all write in one transaction without passing the manager by hand.
 */
export class TransactionRunner {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private readonly committed = new WeakMap<EntityManager, (() => void)[]>();

  constructor(readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction; joins the one already open in this async context. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    let callbacks: (() => void)[] = [];
    const result = await this.dataSource.transaction((manager) => {
      callbacks = [];
      this.committed.set(manager, callbacks);
      return this.current.run(manager, () => work(manager));
    });
    for (const callback of callbacks) callback();
    return result;
  }

  /**
   * Runs `callback` once the open transaction has committed (never if it rolls back): the place to
   * enqueue jobs or wake workers about rows the transaction wrote.
   */
  afterCommit(callback: () => void): void {
    const callbacks = this.committed.get(this.requireManager());
    if (!callbacks) throw new Error('afterCommit needs a transaction opened by TransactionRunner.run()');
    callbacks.push(callback);
  }

  get active(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** The open transaction's manager, or the plain one for reads outside a transaction. */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  /** For writes that must never happen outside a transaction (outbox, inbox). */
  requireManager(): EntityManager {
    const open = this.current.getStore();
    if (!open) throw new Error('This write must run inside TransactionRunner.run()');
    return open;
  }
}
