import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, Roles, type Identity } from '@redress/auth';
import { input } from '@redress/errors';
import { requestLoader, type GraphqlContext } from '@redress/graphql';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { parseQuarter } from '../domain/quarter.js';
import { QualityReviewEntity } from '../persistence/quality-review.entity.js';
import { validateQualityReview } from '../quality-review/quality-review-input.js';
import { QuarterlyReviewQuery } from '../quality-review/quarterly-review.query.js';
import { RecordQualityReviewHandler } from '../quality-review/record-quality-review.handler.js';

/** QA reviews of closed complaints and the quarterly review. */
@Resolver('Complaint')
export class QualityResolver {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly record: RecordQualityReviewHandler,
    private readonly quarterly: QuarterlyReviewQuery,
  ) {}

  @Mutation('recordQualityReview')
  @Allowed('recordQualityReview')
  recordQualityReview(
    @Args('complaintId') complaintId: string, @Args('score') score: number, @Args('checklist') checklist: { item: string; passed: boolean }[],
    @Args('feedback') feedback: string | null, @CurrentIdentity() identity: Identity,
  ) {
    return this.record.execute(validateQualityReview({ complaintId, score, checklist, feedback }), identity.sub!);
  }

  @Query('qualityReview')
  @Allowed('qualityReview')
  qualityReview(@Args('quarter') quarter: string) {
    return this.quarterly.execute(parseQuarter(quarter));
  }

  @ResolveField('qualityReviews')
  @Roles('MANAGER', 'QA', 'ADMIN')
  qualityReviews(@Parent() complaint: { id: string }, @Context() context: GraphqlContext) {
    return requestLoader(context, 'reporting.qualityReviews', async (ids: readonly string[]) => {
      const known = ids.filter((id) => input.isUuid(id)).map((id) => id.toLowerCase());
      const rows = known.length ? await this.transactions.manager.find(QualityReviewEntity, { where: { complaintId: In(known) }, order: { recordedAt: 'ASC' } }) : [];
      return ids.map((id) => rows.filter((row) => row.complaintId === id.toLowerCase()));
    }).load(complaint.id);
  }
}
