import type { QuarterlyReview } from '../quality-review/quarterly-review.query.js';
import { decimal, day, hours, percent } from './format.js';
import { PdfReport } from './pdf-report.js';
import { comparisonRows } from './quality-review.html.js';

export function qualityReviewPdf(review: QuarterlyReview, generatedAt: Date): Promise<Buffer> {
  const m = review.metrics;
  return new PdfReport(`Quarterly complaints review ${review.quarter}`)
    .note(`Complaints received ${day(review.from)} to ${day(new Date(review.to.getTime() - 1))} · generated ${generatedAt.toISOString()}`)
    .heading('Compared with the previous quarter')
    .table(['Measure', review.quarter, 'Previous quarter'], comparisonRows(m, review.previousQuarter))
    .heading('Received and closed per week')
    .groupedColumns(review.trend.map((p) => day(p.periodStart).slice(5)), [
      { name: 'received', colour: '#3567b0', values: review.trend.map((p) => p.received) },
      { name: 'closed', colour: '#2e9d6a', values: review.trend.map((p) => p.closed) },
    ])
    .heading('By category')
    .horizontalBars(m.byCategory.map((c) => ({ label: c.key, value: c.count })))
    .heading('Root causes (Pareto)')
    .horizontalBars(m.rootCausePareto.map((c) => ({ label: c.key, value: c.count })), '#b5562f')
    .table(['Root cause', 'Complaints', 'Share', 'Cumulative'], m.rootCausePareto.map((c) => [c.key, String(c.count), percent(c.share), percent(c.cumulativeShare)]))
    .heading('Customer satisfaction (ratings 1–5)')
    .horizontalBars(m.ratingDistribution.map((c) => ({ label: `rated ${c.key}`, value: c.count })), '#c29a18')
    .heading('Staff performance')
    .table(['Staff', 'As', 'Handled', 'Median to resolve', 'SLA met', 'Rating', 'Reopened'], review.staffPerformance.map((s) => [
      s.staffId, s.role.toLowerCase(), String(s.handled), hours(s.medianHoursToResolve), percent(s.slaMetRate), decimal(s.averageRating), percent(s.reopenRate),
    ]), 0.25)
    .heading('Quality assurance')
    .paragraph(`${review.qualityReviews.count} reviews recorded, average score ${decimal(review.qualityReviews.averageScore, 1)} / 100.`)
    .table(['Check', 'Passed', 'Pass rate'], review.qualityReviews.checklist.map((c) => [c.item, `${c.passed} of ${c.total}`, percent(c.passRate)]), 0.6)
    .heading('Improvement actions')
    .table(['Action', 'Root cause', 'Owner', 'Due', 'Status'], review.improvementActions.map((a) => [a.title, a.rootCause, a.ownerId, day(a.dueAt), a.status]), 0.36)
    .finish();
}
