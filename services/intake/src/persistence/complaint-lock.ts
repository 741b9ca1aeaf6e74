import { NotFound } from '@redress/errors';
import type { EntityManager } from 'typeorm';
import { ComplaintEntity } from './complaint.entity.js';

/** The complaint a mutation changes, locked for the transaction; NOT_FOUND when there is none. */
export async function lockComplaint(db: EntityManager, id: string): Promise<ComplaintEntity> {
  const complaint = await db.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!complaint) throw new NotFound('Complaint', id);
  return complaint;
}
