import type { SlaClock } from '@redress/contracts';

export const SLA_CLOCK_STATES = ['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'STOPPED'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

/** The warning goes out when this share of the clock has run. */
export const AT_RISK_SHARE = 0.8;

/**
 * One service-level clock of a complaint (SPEC §1 steps 2 and 6): how long it may run (`budgetMs`, from
 * the configured hours), when it is due (start + budget + time spent paused) and where it stands.
 * Every change bumps `version`, which names its timer jobs, so a timer of an older version does nothing.
 */
export interface SlaClockRecord {
  clock: SlaClock;
  cycle: number;
  startedAt: Date;
  budgetMs: number;
  dueAt: Date;
  state: SlaClockState;
  pausedAt: Date | null;
  pausedMs: number;
  atRiskAt: Date | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  version: number;
}

export type Alarm = 'AT_RISK' | 'BREACH';

const changed = (clock: SlaClockRecord, change: Partial<SlaClockRecord>): SlaClockRecord => ({ ...clock, ...change, version: clock.version + 1 });
const live = (clock: SlaClockRecord) => clock.state === 'RUNNING' || clock.state === 'PAUSED';

export function startClock(clock: SlaClock, cycle: number, startedAt: Date, budgetMs: number, version = 0): SlaClockRecord {
  return {
    clock, cycle, startedAt, budgetMs, dueAt: new Date(startedAt.getTime() + budgetMs), state: 'RUNNING',
    pausedAt: null, pausedMs: 0, atRiskAt: null, breachedAt: null, stoppedAt: null, version,
  };
}

/** A new severity gives the resolution clock a new length from the same start; a clock that ended keeps its history. */
export function rebudget(clock: SlaClockRecord, budgetMs: number): SlaClockRecord | null {
  if (!live(clock) || clock.budgetMs === budgetMs) return null;
  const dueAt = new Date(clock.startedAt.getTime() + budgetMs + clock.pausedMs);
  const warned = clock.atRiskAt && dueAt.getTime() - (1 - AT_RISK_SHARE) * budgetMs <= clock.atRiskAt.getTime() ? clock.atRiskAt : null;
  return changed(clock, { budgetMs, dueAt, atRiskAt: warned });
}

export function pause(clock: SlaClockRecord, at: Date): SlaClockRecord | null {
  return clock.state === 'RUNNING' ? changed(clock, { state: 'PAUSED', pausedAt: at }) : null;
}

/** The due date moves by the time spent paused. */
export function resume(clock: SlaClockRecord, at: Date): SlaClockRecord | null {
  if (clock.state !== 'PAUSED' || !clock.pausedAt) return null;
  const paused = Math.max(0, at.getTime() - clock.pausedAt.getTime());
  return changed(clock, { state: 'RUNNING', pausedAt: null, pausedMs: clock.pausedMs + paused, dueAt: new Date(clock.dueAt.getTime() + paused) });
}

/** The clock's goal was reached (MET) or no longer applies (STOPPED); a breached clock keeps BREACHED and records when it ended. */
export function stop(clock: SlaClockRecord, at: Date, outcome: 'MET' | 'STOPPED'): SlaClockRecord | null {
  if (live(clock)) return changed(clock, { state: outcome, stoppedAt: at, pausedAt: null });
  if (clock.state === 'BREACHED' && !clock.stoppedAt) return changed(clock, { stoppedAt: at });
  return null;
}

export function atRiskTime(clock: SlaClockRecord): Date {
  return new Date(clock.dueAt.getTime() - (1 - AT_RISK_SHARE) * clock.budgetMs);
}

/** The timers a running clock still needs, and when each is due. */
export function pendingAlarms(clock: SlaClockRecord): { alarm: Alarm; at: Date }[] {
  if (clock.state !== 'RUNNING') return [];
  const alarms: { alarm: Alarm; at: Date }[] = [];
  if (!clock.atRiskAt) alarms.push({ alarm: 'AT_RISK', at: atRiskTime(clock) });
  alarms.push({ alarm: 'BREACH', at: clock.dueAt });
  return alarms;
}

/** What an alarm does at `now`: the change to record, or null when it is not (or no longer) due. */
export function ring(clock: SlaClockRecord, alarm: Alarm, now: Date): SlaClockRecord | null {
  const due = pendingAlarms(clock).find((pending) => pending.alarm === alarm);
  if (!due || due.at.getTime() > now.getTime()) return null;
  if (alarm === 'AT_RISK') return { ...clock, atRiskAt: now };
  return changed(clock, { state: 'BREACHED', breachedAt: now });
}
