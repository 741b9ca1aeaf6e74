import type { TrendInterval } from '@redress/contracts';
import type { TimeRange } from './date-range.js';

/** The start (UTC) of the calendar period holding `at`: a day, an ISO week (Monday), a month or a quarter. */
export function periodStart(at: Date, interval: TrendInterval): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (interval) {
    case 'DAY':
      return new Date(Date.UTC(y, m, d));
    case 'WEEK':
      return new Date(Date.UTC(y, m, d - ((at.getUTCDay() + 6) % 7)));
    case 'MONTH':
      return new Date(Date.UTC(y, m, 1));
    case 'QUARTER':
      return new Date(Date.UTC(y, m - (m % 3), 1));
  }
}

export function nextPeriod(start: Date, interval: TrendInterval): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (interval) {
    case 'DAY':
      return new Date(Date.UTC(y, m, d + 1));
    case 'WEEK':
      return new Date(Date.UTC(y, m, d + 7));
    case 'MONTH':
      return new Date(Date.UTC(y, m + 1, 1));
    case 'QUARTER':
      return new Date(Date.UTC(y, m + 3, 1));
  }
}

/** Starts of the periods that overlap [from, to), oldest first. */
export function periodsOf(range: TimeRange, interval: TrendInterval): Date[] {
  const starts: Date[] = [];
  for (let start = periodStart(range.from, interval); start < range.to; start = nextPeriod(start, interval)) starts.push(start);
  return starts;
}

/** How many periods a range spans, without listing them (to refuse absurd requests cheaply). */
export function periodCount(range: TimeRange, interval: TrendInterval): number {
  const days = (range.to.getTime() - range.from.getTime()) / 86_400_000;
  return Math.ceil(days / { DAY: 1, WEEK: 7, MONTH: 28, QUARTER: 90 }[interval]) + 1;
}
