import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import { foldComplaint } from '../domain/complaint-facts.js';
import { contributionsOf } from '../domain/contributions.js';
import { RollupDelta, type RollupRow } from '../domain/rollup-delta.js';
import { applyRollupDelta, lockFacts, writeFacts } from '../persistence/complaint-facts.store.js';
import { eventsOfComplaints } from '../persistence/event-rows.js';
import { lockReadModelWriters } from '../persistence/read-model-writer-lock.js';

/**
 * The one projection: re-folds the complaints' facts from every event the store holds about them and
 * moves the rollups by the difference. Idempotent and order-free, so live events, redeliveries and a
 * rebuild running beside live traffic all leave the same read model.
 */
@Injectable()
export class RefreshComplaintsHandler {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Returns the rollup rows that changed (for spike detection). */
  execute(complaintIds: readonly string[]): Promise<RollupRow[]> {
    return this.transactions.run(async (db) => {
      await lockReadModelWriters(db);
      const before = await lockFacts(db, complaintIds);
      const events = await eventsOfComplaints(db, [...before.keys()]);
      const delta = new RollupDelta();
      const after = [...before].map(([id, old]) => {
        const facts = foldComplaint(id, events.get(id) ?? []);
        delta.add(contributionsOf(old), -1).add(contributionsOf(facts));
        return facts;
      });
      const changes = delta.changes();
      await writeFacts(db, after);
      await applyRollupDelta(db, changes);
      return changes;
    });
  }
}
