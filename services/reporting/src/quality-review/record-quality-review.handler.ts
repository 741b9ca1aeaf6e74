import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { COMPLAINT_STATE, type ComplaintState } from '@redress/contracts';
import { Conflict } from '@redress/errors';
import { RpcClient } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { QualityReviewEntity } from '../persistence/quality-review.entity.js';
import type { QualityReviewInput } from './quality-review-input.js';

/**
 * QA records a review of a CLOSED complaint, once per closure (cycle). Reporting's own facts usually
 * know it closed; if not (the closure may still be on its way), intake's current state decides.
 */
@Injectable()
export class RecordQualityReviewHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly rpc: RpcClient) {}

  async execute(review: QualityReviewInput, reviewerId: string): Promise<QualityReviewEntity> {
    const closedCycle = await this.closedCycle(review.complaintId);
    return this.transactions.run(async (db) => {
      const saved = await db.query(
        `INSERT INTO quality_reviews (id, complaint_id, cycle, reviewer_id, score, checklist, feedback)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (complaint_id, cycle) DO NOTHING RETURNING id`,
        [randomUUID(), review.complaintId, closedCycle, reviewerId, review.score, JSON.stringify(review.checklist), review.feedback],
      );
      if (!saved.length) throw new Conflict(`This closure of complaint ${review.complaintId} has been reviewed already`);
      return db.findOneByOrFail(QualityReviewEntity, { id: saved[0].id });
    });
  }

  /** The cycle whose closure is reviewed; NOT_FOUND for an unknown complaint, CONFLICT unless CLOSED. */
  private async closedCycle(complaintId: string): Promise<number> {
    const [known] = await this.transactions.manager.query('SELECT status, cycle FROM complaint_facts WHERE complaint_id = $1 AND received_at IS NOT NULL', [complaintId]);
    if (known?.status === 'CLOSED') return known.cycle;
    const state = await this.rpc.request<ComplaintState>('intake', COMPLAINT_STATE, { complaintId });
    if (state.status !== 'CLOSED') throw new Conflict(`Only closed complaints are reviewed; this one is ${state.status}`);
    return state.cycle;
  }
}
