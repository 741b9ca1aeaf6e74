import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import { distinctInTimeOrder } from '../domain/stored-event.js';
import { factsFromRow } from '../persistence/complaint-facts.store.js';
import { eventsOfComplaints } from '../persistence/event-rows.js';
import { QualityReviewEntity } from '../persistence/quality-review.entity.js';
import { summariseEvent } from '../timeline/event-summary.js';
import type { ResolutionReport } from './resolution-report.js';

@Injectable()
export class ResolutionReportQuery {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Null for a complaint reporting has not seen received. */
  async execute(complaintId: string): Promise<ResolutionReport | null> {
    const db = this.transactions.manager;
    const [row] = await db.query('SELECT * FROM complaint_facts WHERE complaint_id = $1 AND received_at IS NOT NULL', [complaintId]);
    if (!row) return null;
    const events = (await eventsOfComplaints(db, [complaintId])).get(complaintId) ?? [];
    return {
      facts: factsFromRow(row),
      story: distinctInTimeOrder(events).map((event) => ({ at: event.occurredAt, summary: summariseEvent(event) })),
      reviews: await db.find(QualityReviewEntity, { where: { complaintId }, order: { recordedAt: 'ASC' } }),
      generatedAt: new Date(),
    };
  }
}
