import type { Severity } from '@redress/contracts';

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
