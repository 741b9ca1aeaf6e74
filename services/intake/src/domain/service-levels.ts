import type { Category, Priority, Severity } from '@redress/contracts';

const HOUR_MS = 3_600_000;

export interface ServiceLevels {
  slaAckHours: number;
  slaResolutionHours: Record<Severity, number>;
}

/** Wall-clock hours after receipt: the acknowledgement clock and the resolution clock of the severity. */
export function dueDates(receivedAt: Date, severity: Severity | null, levels: ServiceLevels) {
  return {
    acknowledgementDueAt: new Date(receivedAt.getTime() + levels.slaAckHours * HOUR_MS),
    resolutionDueAt: resolutionDueAt(receivedAt, severity, levels),
  };
}

/** Until assessment sets a severity, the resolution clock runs at MEDIUM's pace. */
export function resolutionDueAt(receivedAt: Date, severity: Severity | null, levels: ServiceLevels): Date {
  return new Date(receivedAt.getTime() + levels.slaResolutionHours[severity ?? 'MEDIUM'] * HOUR_MS);
}

const RANK: Record<Severity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/** Priority from impact and urgency (a standard 4×4 matrix): P1 when both are at least HIGH and one CRITICAL. */
export function priorityFor(impact: Severity, urgency: Severity): Priority {
  const score = RANK[impact] + RANK[urgency];
  if (score >= 5) return 'P1';
  if (score >= 4) return 'P2';
  if (score >= 2) return 'P3';
  return 'P4';
}

/** What intake suggests before an agent assesses: safety is critical at once. */
export function suggestTriage(category: Category | null, severity: Severity | null): { severity: Severity | null; priority: Priority | null } {
  const suggested: Severity | null = category === 'SAFETY' ? 'CRITICAL' : severity;
  return { severity: suggested, priority: suggested ? priorityFor(suggested, suggested) : null };
}
