import { TransactionRunner } from '@redress/persistence';
import type { DataSource } from 'typeorm';
import { RefreshComplaintsHandler } from '../project-complaints/refresh-complaints.handler.js';

export interface RebuildProgress {
  complaints: number;
  total: number;
}

export class RebuildAlreadyRunningError extends Error {
  constructor() {
    super('Another rebuild of the reporting read models is running');
  }
}

// Any fixed number; only rebuilds take it.
const REBUILD_LOCK = 7_262_107;

/**
 * Empties the read models and folds every complaint again from the event store, in batches, with the
 * projection the live consumer uses. Live events keep flowing meanwhile: whichever of the two refreshes
 * a complaint last, it folds all of that complaint's events, so nothing is lost or counted twice.
 * Until it finishes, metrics cover only the complaints rebuilt so far.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 1000,
): Promise<RebuildProgress> {
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    const [{ locked }] = await session.query('SELECT pg_try_advisory_lock($1) AS locked', [REBUILD_LOCK]);
    if (!locked) throw new RebuildAlreadyRunningError();
    const refresh = new RefreshComplaintsHandler(new TransactionRunner(dataSource));
    await dataSource.query('TRUNCATE complaint_closures, complaint_facts, metric_daily');
    const [{ total }] = await dataSource.query('SELECT count(DISTINCT complaint_id)::int AS total FROM event_store WHERE complaint_id IS NOT NULL');
    const progress = { complaints: 0, total };
    onProgress(progress);
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const rows: { id: string }[] = await dataSource.query(
        'SELECT DISTINCT complaint_id AS id FROM event_store WHERE complaint_id > $1 ORDER BY complaint_id LIMIT $2',
        [after, batchSize],
      );
      if (!rows.length) break;
      await refresh.execute(rows.map((row) => row.id));
      after = rows[rows.length - 1].id;
      progress.complaints += rows.length;
      onProgress(progress);
    }
    return progress;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [REBUILD_LOCK]).catch(() => undefined);
    await session.release();
  }
}
