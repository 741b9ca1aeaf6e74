import type { EntityManager } from 'typeorm';

/** What a transaction did to a table, as PostgreSQL counts it (pg_stat_xact_user_tables). */
export interface TableActivity {
  seqScans: number;
  indexScans: number;
  rowsUpdated: number;
}

async function read(tx: EntityManager, table: string): Promise<TableActivity> {
  const [row] = await tx.query(
    `SELECT seq_scan::int AS "seqScans", coalesce(idx_scan, 0)::int AS "indexScans", n_tup_upd::int AS "rowsUpdated"
       FROM pg_stat_xact_user_tables WHERE relname = $1`,
    [table],
  );
  return row as TableActivity;
}

/** How `work`, run in the transaction `tx`, reached `table`: by index or by scanning it, and how many rows it changed. */
export async function tableActivityDuring(tx: EntityManager, table: string, work: () => Promise<unknown>): Promise<TableActivity> {
  const before = await read(tx, table);
  await work();
  const after = await read(tx, table);
  return { seqScans: after.seqScans - before.seqScans, indexScans: after.indexScans - before.indexScans, rowsUpdated: after.rowsUpdated - before.rowsUpdated };
}
