import type { Category, Priority, Severity } from '@redress/contracts';
import { priorityFor } from '../assessment.js';
import { CATEGORY_CUES, HIGH_SEVERITY_CUES, LOW_SEVERITY_CUES, SAFETY_CUES, TIE_ORDER } from './category-cues.js';
import { cuesIn, wordsOf } from './text-cues.js';

export interface TriageSuggestion {
  category: Category | null;
  severity: Severity | null;
  priority: Priority | null;
  /** Safety words were found: CRITICAL, SAFETY, escalated at once. */
  safety: boolean;
  /** Why, in words a person can check: which cues led to each part of the suggestion. */
  reasons: string[];
}

const SUBJECT_WEIGHT = 2;
const quoted = (cues: readonly string[]) => cues.map((cue) => `"${cue.replace(/\*$/, '…')}"`).join(', ');

/**
 * SPEC §1 step 3, suggested automatically: a category from weighted cue words of the subject and the
 * description, a severity from cues of harm or urgency. Explainable by construction: every suggestion
 * lists the cues behind it. No cue, no suggestion — the agent decides.
 */
export function autoTriage(subject: string, description: string): TriageSuggestion {
  const subjectWords = wordsOf(subject);
  const allWords = [...subjectWords, ...wordsOf(description)];
  const safetyCues = cuesIn(allWords, SAFETY_CUES);
  if (safetyCues.length) {
    return { category: 'SAFETY', severity: 'CRITICAL', priority: 'P1', safety: true, reasons: [`safety: ${quoted(safetyCues)} → SAFETY, CRITICAL, escalated`] };
  }
  const reasons: string[] = [];
  const category = suggestCategory(subjectWords, allWords, reasons);
  const severity = category ? suggestSeverity(allWords, reasons) : null;
  return { category, severity, priority: severity ? priorityFor(severity, severity) : null, safety: false, reasons };
}

function suggestCategory(subjectWords: string[], allWords: string[], reasons: string[]): Category | null {
  let best: { category: Category; score: number; cues: string[] } | null = null;
  for (const category of TIE_ORDER) {
    const weights = CATEGORY_CUES[category as keyof typeof CATEGORY_CUES];
    const cues = cuesIn(allWords, Object.keys(weights));
    const score = cues.reduce((sum, cue) => sum + weights[cue] * (cuesIn(subjectWords, [cue]).length ? SUBJECT_WEIGHT : 1), 0);
    if (score > (best?.score ?? 0)) best = { category, score, cues };
  }
  if (best) reasons.push(`category ${best.category} (score ${best.score}): ${quoted(best.cues)}`);
  return best?.category ?? null;
}

function suggestSeverity(words: string[], reasons: string[]): Severity {
  const high = cuesIn(words, HIGH_SEVERITY_CUES);
  if (high.length) {
    reasons.push(`severity HIGH: ${quoted(high)}`);
    return 'HIGH';
  }
  const low = cuesIn(words, LOW_SEVERITY_CUES);
  if (low.length) {
    reasons.push(`severity LOW: ${quoted(low)}`);
    return 'LOW';
  }
  reasons.push('severity MEDIUM: no cue of harm, urgency or a mere remark');
  return 'MEDIUM';
}
