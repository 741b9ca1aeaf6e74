import { NotFound } from '@redress/errors';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { ComplaintEntity } from './complaint.entity.js';

type Columns = Partial<Record<keyof ComplaintEntity, unknown>>;

/** Each complaint as it was read or last written, so saving writes only what changed since. */
const asStored = new WeakMap<ComplaintEntity, Columns>();

/** The complaint a mutation changes, locked for the transaction; NOT_FOUND when there is none. */
export async function lockComplaint(db: EntityManager, id: string): Promise<ComplaintEntity> {
  const complaint = await lockComplaintIfAny(db, id);
  if (!complaint) throw new NotFound('Complaint', id);
  return complaint;
}

/** The complaint an event names, locked for the transaction; null when intake has none. */
export async function lockComplaintIfAny(db: EntityManager, id: string): Promise<ComplaintEntity | null> {
  const complaint = await db.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (complaint) remember(complaint);
  return complaint;
}

/** Marks a complaint just inserted as stored, so a later save in the transaction writes only its changes. */
export function remember(complaint: ComplaintEntity): void {
  asStored.set(complaint, copy(complaint));
}

/**
 * Writes the columns changed since the complaint was locked (or remembered) in one UPDATE — nothing when
 * none changed. TypeORM's save() would read the row back first to find out; this is on the path of every
 * event intake projects. A complaint that did not come through here is saved by TypeORM as usual.
 */
export async function saveComplaint(db: EntityManager, complaint: ComplaintEntity): Promise<ComplaintEntity> {
  const stored = asStored.get(complaint);
  if (!stored) return db.save(complaint);
  const changes: Columns = {};
  for (const [key, value] of Object.entries(complaint) as [keyof ComplaintEntity, unknown][]) {
    if (key !== 'updatedAt' && !same(value, stored[key])) changes[key] = value;
  }
  if (Object.keys(changes).length) {
    const { raw } = await db.createQueryBuilder().update(ComplaintEntity).set(changes as QueryDeepPartialEntity<ComplaintEntity>).where('id = :id', { id: complaint.id }).returning('updated_at').execute();
    const [row] = raw as { updated_at: Date }[];
    if (row) complaint.updatedAt = row.updated_at;
  }
  remember(complaint);
  return complaint;
}

function copy(complaint: ComplaintEntity): Columns {
  const columns: Columns = {};
  for (const [key, value] of Object.entries(complaint) as [keyof ComplaintEntity, unknown][]) {
    columns[key] = value instanceof Date ? new Date(value) : Array.isArray(value) ? [...value] : value;
  }
  return columns;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}
