import { utc } from './format.js';
import { PdfReport } from './pdf-report.js';
import { resolutionFacts, type ResolutionReport } from './resolution-report.js';

export function resolutionReportPdf(report: ResolutionReport): Promise<Buffer> {
  return new PdfReport(`Resolution report ${report.facts.reference ?? report.facts.complaintId}`)
    .note(`Generated ${report.generatedAt.toISOString()} from the complaint's event record`)
    .table(['Fact', 'Value'], resolutionFacts(report, { utc }), 0.3)
    .heading('Its story')
    .table(['When', 'What happened'], report.story.map((entry) => [utc(entry.at), entry.summary]), 0.3)
    .heading('Quality reviews')
    .table(['Recorded', 'Reviewer', 'Score', 'Feedback'], report.reviews.map((r) => [utc(r.recordedAt), r.reviewerId, String(r.score), r.feedback ?? '']), 0.25)
    .finish();
}
