import type { EntityManager } from 'typeorm';
import { NotFound } from '@redress/errors';
import { ComplaintEntity } from './complaint.entity.js';
import { InvestigationEntity } from './investigation.entity.js';

/** The investigation, locked until the transaction ends, with the complaint it belongs to; NOT_FOUND if unknown. */
export async function lockInvestigation(db: EntityManager, id: string): Promise<{ investigation: InvestigationEntity; complaint: ComplaintEntity }> {
  const investigation = await db.findOne(InvestigationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!investigation) throw new NotFound('Investigation', id);
  const complaint = await db.findOneByOrFail(ComplaintEntity, { id: investigation.complaintId });
  return { investigation, complaint };
}
