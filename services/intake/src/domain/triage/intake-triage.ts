import type { Category, Priority, Severity } from '@redress/contracts';
import { priorityFor } from '../assessment.js';
import { autoTriage, type TriageSuggestion } from './auto-triage.js';

export interface IntakeTriage {
  category: Category | null;
  severity: Severity | null;
  priority: Priority | null;
  /** Escalate at once (cause SAFETY). */
  safety: boolean;
  suggestion: TriageSuggestion;
}

/**
 * What a new complaint starts with: what the submitter chose, else what auto-triage suggests. Safety
 * overrides both — safety words, or SAFETY chosen — CRITICAL, SAFETY, escalated at once.
 */
export function triageAtIntake(submitted: { subject: string; description: string; category: Category | null; severity: Severity | null }): IntakeTriage {
  const suggestion = autoTriage(submitted.subject, submitted.description);
  if (suggestion.safety || submitted.category === 'SAFETY') {
    return { category: 'SAFETY', severity: 'CRITICAL', priority: 'P1', safety: true, suggestion };
  }
  const category = submitted.category ?? suggestion.category;
  const severity = submitted.severity ?? suggestion.severity;
  return { category, severity, priority: severity ? priorityFor(severity, severity) : null, safety: false, suggestion };
}
