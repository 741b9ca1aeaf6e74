import type { QualityReviewEntity } from '../persistence/quality-review.entity.js';

export interface ChecklistItemResult {
  item: string;
  passed: number;
  total: number;
  passRate: number;
}

export interface QualityReviewSummary {
  count: number;
  averageScore: number | null;
  /** Each check, most often failed first. */
  checklist: ChecklistItemResult[];
  lowestScores: QualityReviewEntity[];
}

export function summariseReviews(reviews: readonly QualityReviewEntity[], lowest = 5): QualityReviewSummary {
  const items = new Map<string, { passed: number; total: number }>();
  for (const review of reviews) {
    for (const check of review.checklist) {
      const tally = items.get(check.item) ?? { passed: 0, total: 0 };
      tally.total += 1;
      if (check.passed) tally.passed += 1;
      items.set(check.item, tally);
    }
  }
  return {
    count: reviews.length,
    averageScore: reviews.length ? reviews.reduce((sum, r) => sum + r.score, 0) / reviews.length : null,
    checklist: [...items]
      .map(([item, { passed, total }]) => ({ item, passed, total, passRate: passed / total }))
      .sort((a, b) => a.passRate - b.passRate || (a.item < b.item ? -1 : 1)),
    lowestScores: [...reviews].sort((a, b) => a.score - b.score || a.recordedAt.getTime() - b.recordedAt.getTime()).slice(0, lowest),
  };
}
