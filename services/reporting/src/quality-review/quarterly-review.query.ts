import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@redress/persistence';
import { And, LessThan, MoreThanOrEqual } from 'typeorm';
import { ComplaintMetricsQuery } from '../complaint-metrics/complaint-metrics.query.js';
import { ComplaintTrendQuery, type TrendPoint } from '../complaint-metrics/complaint-trend.query.js';
import type { ComplaintMetrics } from '../domain/metrics.js';
import { previousQuarter, type Quarter } from '../domain/quarter.js';
import { ImprovementActionsHandler } from '../improvement-actions/improvement-actions.handler.js';
import type { ImprovementActionEntity } from '../persistence/improvement-action.entity.js';
import { QualityReviewEntity } from '../persistence/quality-review.entity.js';
import { StaffPerformanceQuery, type StaffPerformance } from '../staff-performance/staff-performance.query.js';
import { summariseReviews, type QualityReviewSummary } from './quality-review-summary.js';

/** Everything the quarterly review meeting looks at (SPEC §1 step 9). */
export interface QuarterlyReview {
  quarter: string;
  from: Date;
  to: Date;
  metrics: ComplaintMetrics;
  previousQuarter: ComplaintMetrics;
  trend: TrendPoint[];
  staffPerformance: StaffPerformance[];
  qualityReviews: QualityReviewSummary;
  improvementActions: ImprovementActionEntity[];
}

@Injectable()
export class QuarterlyReviewQuery {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly metrics: ComplaintMetricsQuery,
    private readonly trend: ComplaintTrendQuery,
    private readonly staff: StaffPerformanceQuery,
    private readonly actions: ImprovementActionsHandler,
  ) {}

  async execute(quarter: Quarter): Promise<QuarterlyReview> {
    const range = { from: quarter.from, to: quarter.to };
    const reviews = await this.transactions.manager.find(QualityReviewEntity, {
      where: { recordedAt: And(MoreThanOrEqual(quarter.from), LessThan(quarter.to)) },
      order: { recordedAt: 'ASC' },
    });
    return {
      quarter: quarter.label,
      from: quarter.from,
      to: quarter.to,
      metrics: await this.metrics.execute(range),
      previousQuarter: await this.metrics.execute(previousQuarter(quarter)),
      trend: await this.trend.execute('WEEK', range, null),
      staffPerformance: await this.staff.execute(range),
      qualityReviews: summariseReviews(reviews),
      improvementActions: await this.actions.activeDuring(quarter.from, quarter.to),
    };
  }
}
