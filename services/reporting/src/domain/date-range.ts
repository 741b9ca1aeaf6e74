/** A half-open time range [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

const DAY = 86_400_000;

/**
 * Splits [from, to) into the whole UTC days the daily rollups answer, and the partial days at either
 * end, which are read from the complaints themselves.
 */
export function splitByWholeDays(range: TimeRange): { days: { from: string; to: string } | null; edges: TimeRange[] } {
  const firstWholeDay = Math.ceil(range.from.getTime() / DAY) * DAY;
  const endOfWholeDays = Math.floor(range.to.getTime() / DAY) * DAY;
  if (firstWholeDay >= endOfWholeDays) return { days: null, edges: [range] };
  const edges: TimeRange[] = [];
  if (range.from.getTime() < firstWholeDay) edges.push({ from: range.from, to: new Date(firstWholeDay) });
  if (endOfWholeDays < range.to.getTime()) edges.push({ from: new Date(endOfWholeDays), to: range.to });
  return { days: { from: new Date(firstWholeDay).toISOString().slice(0, 10), to: new Date(endOfWholeDays).toISOString().slice(0, 10) }, edges };
}

export function within(at: Date, range: TimeRange): boolean {
  return at >= range.from && at < range.to;
}
