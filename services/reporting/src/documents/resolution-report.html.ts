import { utc } from './format.js';
import { escapeHtml, htmlPage, htmlTable } from './html.js';
import { resolutionFacts, type ResolutionReport } from './resolution-report.js';

export function resolutionReportHtml(report: ResolutionReport): string {
  const reference = report.facts.reference ?? report.facts.complaintId;
  const body = [
    `<h1>Resolution report ${escapeHtml(reference)}</h1>`,
    `<p class="muted">Generated ${escapeHtml(report.generatedAt.toISOString())} from the complaint's event record</p>`,
    htmlTable(resolutionFacts(report, { utc }), [{ title: 'Fact', value: (r) => r[0] }, { title: 'Value', value: (r) => r[1] }]),
    '<h2>Its story</h2>',
    htmlTable(report.story, [{ title: 'When', value: (r) => utc(r.at) }, { title: 'What happened', value: (r) => r.summary }]),
    '<h2>Quality reviews</h2>',
    htmlTable(report.reviews, [
      { title: 'Recorded', value: (r) => utc(r.recordedAt) }, { title: 'Reviewer', value: (r) => r.reviewerId },
      { title: 'Score', value: (r) => r.score, numeric: true }, { title: 'Feedback', value: (r) => r.feedback ?? '' },
    ], 'Not reviewed.'),
  ];
  return htmlPage(`Resolution report ${reference}`, body.join('\n'));
}
