import type { TrendInterval } from '@redress/contracts';

/**
 * When a category's weekly volume is "far above its baseline": at least `minimumCount` complaints in
 * the current week (Monday to Sunday, UTC) and at least `factor` times the average week of the
 * `baselineWeeks` before it. The week is still running, so a spike is raised as soon as it is one.
 */
export const SPIKE_RULE = { interval: 'WEEK' as TrendInterval, baselineWeeks: 8, factor: 3, minimumCount: 10 } as const;

export function baselineOf(previousWeeksTotal: number): number {
  return Math.round((previousWeeksTotal / SPIKE_RULE.baselineWeeks) * 100) / 100;
}

export function isSpike(count: number, baseline: number): boolean {
  return count >= SPIKE_RULE.minimumCount && count >= SPIKE_RULE.factor * baseline;
}
