import type { ComplaintFacts } from '../domain/complaint-facts.js';
import type { QualityReviewEntity } from '../persistence/quality-review.entity.js';

/** One complaint's story, remedy and feedback, as reporting holds it (no personal data or free text). */
export interface ResolutionReport {
  facts: ComplaintFacts;
  story: { at: Date; summary: string }[];
  reviews: QualityReviewEntity[];
  generatedAt: Date;
}

export function remedyText(remedy: ComplaintFacts['remedy']): string {
  if (!remedy) return 'No remedy implemented yet';
  return remedy.amount === null ? remedy.type : `${remedy.type} ${remedy.amount} ${remedy.currency ?? ''}`.trimEnd();
}

export function feedbackText(facts: ComplaintFacts): string {
  if (facts.rating === null) return 'No follow-up recorded yet';
  return `${facts.satisfied ? 'Satisfied' : 'Not satisfied'}, rated ${facts.rating} of 5`;
}

/** Key facts in reading order; shared by the HTML and the PDF. */
export function resolutionFacts(report: ResolutionReport, format: { utc: (at: Date | null) => string }): [string, string][] {
  const f = report.facts;
  return [
    ['Reference', f.reference ?? f.complaintId], ['Status', f.status], ['Channel', f.channel ?? '–'], ['Category', f.category ?? '–'],
    ['Severity', f.severity ?? '–'], ['Received', format.utc(f.receivedAt)],
    ['Acknowledged', `${format.utc(f.acknowledgedAt)} (due ${format.utc(f.acknowledgementDueAt)})`],
    ['Resolved', `${format.utc(f.resolvedAt)} (due ${format.utc(f.resolutionDueAt)})`],
    ['Root cause', f.rootCause ?? '–'], ['Remedy', remedyText(f.remedy)], ['Customer feedback', feedbackText(f)],
    ['Closed', f.closures.length ? f.closures.map((c) => format.utc(c)).join(', ') : '–'], ['Reopened', String(f.reopenCount)],
    ['Escalated', f.escalated ? 'yes' : 'no'],
  ];
}
