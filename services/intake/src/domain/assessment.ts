import type { Category, Priority, Severity } from '@redress/contracts';
import { BadUserInput } from '@redress/errors';

const RANK: Record<Severity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/**
 * Priority from impact × urgency (docs/intake.md shows the matrix): the ranks are added, so
 * CRITICAL×HIGH and above is P1, HIGH×HIGH or CRITICAL×MEDIUM is P2, down to P4 for LOW×LOW and LOW×MEDIUM.
 */
export function priorityFor(impact: Severity, urgency: Severity): Priority {
  const score = RANK[impact] + RANK[urgency];
  if (score >= 5) return 'P1';
  if (score >= 4) return 'P2';
  if (score >= 2) return 'P3';
  return 'P4';
}

export interface Assessment {
  category: Category;
  severity: Severity;
  impact: Severity;
  urgency: Severity;
}

/** SPEC §1 step 3: safety is critical at once, and a safety complaint is always P1. */
export function assess(assessment: Assessment): Assessment & { priority: Priority } {
  if (assessment.category === 'SAFETY' && assessment.severity !== 'CRITICAL') {
    throw new BadUserInput('input.severity', 'a SAFETY complaint is CRITICAL');
  }
  const priority = assessment.category === 'SAFETY' ? 'P1' : priorityFor(assessment.impact, assessment.urgency);
  return { ...assessment, priority };
}
