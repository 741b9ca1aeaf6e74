import type { ComplaintMetrics } from '../domain/metrics.js';
import type { QuarterlyReview } from '../quality-review/quarterly-review.query.js';
import { decimal, day, hours, percent } from './format.js';
import { escapeHtml, htmlPage, htmlTable, kpis } from './html.js';
import { groupedColumns, horizontalBars } from './svg-charts.js';

/** The rows comparing this quarter with the previous one; shared by the HTML and the PDF. */
export function comparisonRows(now: ComplaintMetrics, before: ComplaintMetrics): [string, string, string][] {
  return [
    ['Received', String(now.received), String(before.received)],
    ['Still open', String(now.open), String(before.open)],
    ['Closed', String(now.closed), String(before.closed)],
    ['Escalated', `${now.escalated} (${percent(now.escalationRate)})`, `${before.escalated} (${percent(before.escalationRate)})`],
    ['Acknowledged within SLA', percent(now.acknowledgedWithinSlaRate), percent(before.acknowledgedWithinSlaRate)],
    ['Resolved within SLA', percent(now.resolvedWithinSlaRate), percent(before.resolvedWithinSlaRate)],
    ['Mean time to acknowledge', hours(now.meanHoursToAcknowledge), hours(before.meanHoursToAcknowledge)],
    ['Median time to resolve', hours(now.medianHoursToResolve), hours(before.medianHoursToResolve)],
    ['Average rating (1–5)', decimal(now.averageRating), decimal(before.averageRating)],
    ['Satisfied (rated 4–5)', percent(now.csatScore), percent(before.csatScore)],
    ['Reopened', percent(now.reopenRate), percent(before.reopenRate)],
  ];
}

export function qualityReviewHtml(review: QuarterlyReview, generatedAt: Date): string {
  const m = review.metrics;
  const previous = review.previousQuarter;
  const body = [
    `<h1>Quarterly complaints review ${escapeHtml(review.quarter)}</h1>`,
    `<p class="muted">Complaints received ${day(review.from)} to ${day(new Date(review.to.getTime() - 1))} · generated ${escapeHtml(generatedAt.toISOString())}</p>`,
    kpis([
      ['Received', String(m.received)], ['Resolved within SLA', percent(m.resolvedWithinSlaRate)],
      ['Median time to resolve', hours(m.medianHoursToResolve)], ['Average rating', decimal(m.averageRating)],
    ]),
    '<h2>Compared with the previous quarter</h2>',
    htmlTable(comparisonRows(m, previous), [
      { title: 'Measure', value: (r) => r[0] }, { title: review.quarter, value: (r) => r[1], numeric: true }, { title: 'Previous quarter', value: (r) => r[2], numeric: true },
    ]),
    '<h2>Received and closed per week</h2>',
    groupedColumns(review.trend.map((p) => day(p.periodStart).slice(5)), [
      { name: 'received', colour: '#3567b0', values: review.trend.map((p) => p.received) },
      { name: 'closed', colour: '#2e9d6a', values: review.trend.map((p) => p.closed) },
    ]),
    '<h2>By category</h2>', horizontalBars(m.byCategory.map((c) => ({ label: c.key, value: c.count }))),
    '<h2>Root causes (Pareto)</h2>', horizontalBars(m.rootCausePareto.map((c) => ({ label: c.key, value: c.count })), '#b5562f'),
    htmlTable(m.rootCausePareto, [
      { title: 'Root cause', value: (r) => r.key }, { title: 'Complaints', value: (r) => r.count, numeric: true },
      { title: 'Share', value: (r) => percent(r.share), numeric: true }, { title: 'Cumulative', value: (r) => percent(r.cumulativeShare), numeric: true },
    ], 'No investigation was completed.'),
    '<h2>Customer satisfaction</h2>', horizontalBars(m.ratingDistribution.map((c) => ({ label: `${c.key} ★`, value: c.count })), '#c29a18'),
    '<h2>Staff performance</h2>',
    htmlTable(review.staffPerformance, [
      { title: 'Staff', value: (r) => r.staffId }, { title: 'As', value: (r) => r.role.toLowerCase() }, { title: 'Handled', value: (r) => r.handled, numeric: true },
      { title: 'Median to resolve', value: (r) => hours(r.medianHoursToResolve), numeric: true }, { title: 'SLA met', value: (r) => percent(r.slaMetRate), numeric: true },
      { title: 'Rating', value: (r) => decimal(r.averageRating), numeric: true }, { title: 'Reopened', value: (r) => percent(r.reopenRate), numeric: true },
    ]),
    '<h2>Quality assurance</h2>',
    `<p>${review.qualityReviews.count} reviews recorded, average score ${decimal(review.qualityReviews.averageScore, 1)} / 100.</p>`,
    htmlTable(review.qualityReviews.checklist, [
      { title: 'Check', value: (r) => r.item }, { title: 'Passed', value: (r) => `${r.passed} of ${r.total}`, numeric: true },
      { title: 'Pass rate', value: (r) => percent(r.passRate), numeric: true },
    ], 'No reviews were recorded.'),
    '<h2>Improvement actions</h2>',
    htmlTable(review.improvementActions, [
      { title: 'Action', value: (r) => r.title }, { title: 'Root cause', value: (r) => r.rootCause }, { title: 'Owner', value: (r) => r.ownerId },
      { title: 'Due', value: (r) => day(r.dueAt) }, { title: 'Status', value: (r) => r.status },
    ], 'No improvement action was open this quarter.'),
  ];
  return htmlPage(`Quarterly complaints review ${review.quarter}`, body.join('\n'));
}
