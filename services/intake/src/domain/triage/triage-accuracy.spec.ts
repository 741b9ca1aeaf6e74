import { readFileSync } from 'node:fs';
import type { Category } from '@redress/contracts';
import { autoTriage } from './auto-triage.js';

// Auto-triage measured on the labelled CFPB subset (services/intake/test/triage, docs/intake.md).
// `npm run triage:accuracy` prints the full report; the test keeps the figures from sliding back.
const LABELLED = new URL('../../../test/triage/cfpb-labelled.csv', import.meta.url);

function rowsOf(csv: string): Record<string, string>[] {
  const lines = csv.trim().split('\n').map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')));
  const [header, ...rows] = lines;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

interface Outcome { label: Category; predicted: Category | null }

function evaluate(): { outcomes: Outcome[]; accuracy: number; coverage: number; accuracyWhenSuggested: number } {
  const outcomes = rowsOf(readFileSync(LABELLED, 'utf8')).map((row) => {
    const subject = row.sub_issue ? `${row.issue} — ${row.sub_issue}` : row.issue;
    const description = [row.product, row.sub_product].filter(Boolean).join(', ');
    return { label: row.category as Category, predicted: autoTriage(subject, description).category };
  });
  const suggested = outcomes.filter((o) => o.predicted !== null);
  const right = outcomes.filter((o) => o.predicted === o.label).length;
  return { outcomes, accuracy: right / outcomes.length, coverage: suggested.length / outcomes.length, accuracyWhenSuggested: right / suggested.length };
}

function report({ outcomes, accuracy, coverage, accuracyWhenSuggested }: ReturnType<typeof evaluate>): string {
  const categories = [...new Set(outcomes.map((o) => o.label))].sort();
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const lines = [`rows ${outcomes.length}, accuracy ${pct(accuracy)}, suggestion made for ${pct(coverage)}, accuracy when suggested ${pct(accuracyWhenSuggested)}`];
  for (const category of categories) {
    const labelled = outcomes.filter((o) => o.label === category);
    const predicted = outcomes.filter((o) => o.predicted === category);
    const hits = labelled.filter((o) => o.predicted === category).length;
    lines.push(`${category.padEnd(14)} n=${String(labelled.length).padStart(3)}  recall ${pct(hits / labelled.length).padStart(7)}  precision ${predicted.length ? pct(hits / predicted.length).padStart(7) : '    n/a'}`);
  }
  return lines.join('\n');
}

describe('auto-triage accuracy on the labelled CFPB subset', () => {
  const result = evaluate();
  if (process.env.TRIAGE_REPORT) process.stdout.write(`\n${report(result)}\n`);

  it('keeps the measured figures (93.0 % accuracy, a suggestion for 97.0 %; majority class alone: 32.2 %)', () => {
    expect(result.outcomes).toHaveLength(531);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.coverage).toBeGreaterThanOrEqual(0.95);
  });
});
