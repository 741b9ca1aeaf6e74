import type { Category, Priority, Severity } from '@redress/contracts';
import { priorityFor } from './assessment.js';

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

/** What intake suggests before an agent assesses: safety is critical at once. */
export function suggestTriage(category: Category | null, severity: Severity | null): { severity: Severity | null; priority: Priority | null } {
  const suggested: Severity | null = category === 'SAFETY' ? 'CRITICAL' : severity;
  return { severity: suggested, priority: suggested ? priorityFor(suggested, suggested) : null };
}
