import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';

export interface ClaimedEvent {
  id: string;
  envelope: EventEnvelope;
  /** The trace context the row was written in, if any. */
  traceContext: Record<string, string> | null;
}

const PRUNE_CHUNK = 5000;

/** The relay's SQL on the outbox: short statements, never a lock held while waiting for the broker. */
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Leases up to `limit` pending rows to this relay in one short statement. SKIP LOCKED lets other
   * replicas claim other rows at the same moment; the lease keeps them away until it runs out, so a
   * relay that dies mid-batch delays its rows instead of losing them.
   */
  claim(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
    return this.dataSource.query(
      `WITH next AS (
         SELECT id FROM outbox
         WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < now())
         ORDER BY position LIMIT $1
         FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE outbox SET lease_until = now() + $2::int * interval '1 millisecond', publish_attempts = publish_attempts + 1
         FROM next WHERE outbox.id = next.id
         RETURNING outbox.id, outbox.envelope, outbox.trace_context, outbox.position)
       SELECT id, envelope, trace_context AS "traceContext" FROM claimed ORDER BY position`,
      [limit, leaseMs],
    );
  }

  async markPublished(ids: string[]): Promise<void> {
    await this.dataSource.query('UPDATE outbox SET published_at = now(), lease_until = NULL, last_error = NULL WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Gives rows back at once after a failed publish, so the next attempt need not wait for the lease. */
  async release(ids: string[], error: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE outbox SET lease_until = NULL, last_error = $2 WHERE id = ANY($1::uuid[]) AND published_at IS NULL',
      [ids, error.slice(0, 1000)],
    );
  }

  /** Deletes rows published more than `retentionMs` ago, in chunks so no statement runs long. */
  async prune(retentionMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE published_at < now() - $1::bigint * interval '1 millisecond' LIMIT ${PRUNE_CHUNK})`,
        [retentionMs],
      )) as [unknown, number];
      total += deleted;
      if (deleted < PRUNE_CHUNK) return total;
    }
  }

  async pendingCount(): Promise<number> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL');
    return count;
  }
}
