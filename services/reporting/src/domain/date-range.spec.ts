import { splitByWholeDays } from './date-range.js';
import { parseQuarter, previousQuarter } from './quarter.js';
import { periodStart, periodsOf } from './trend-periods.js';

const at = (iso: string) => new Date(iso);

describe('splitByWholeDays', () => {
  it('answers a midnight-to-midnight range from whole days only', () => {
    expect(splitByWholeDays({ from: at('2026-01-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') })).toEqual({ days: { from: '2026-01-01', to: '2026-04-01' }, edges: [] });
  });

  it('keeps the partial days at both ends as edges', () => {
    expect(splitByWholeDays({ from: at('2026-01-01T10:00:00Z'), to: at('2026-01-05T06:00:00Z') })).toEqual({
      days: { from: '2026-01-02', to: '2026-01-05' },
      edges: [{ from: at('2026-01-01T10:00:00Z'), to: at('2026-01-02T00:00:00Z') }, { from: at('2026-01-05T00:00:00Z'), to: at('2026-01-05T06:00:00Z') }],
    });
  });

  it('treats a range inside one day, or across one midnight, as edges only', () => {
    const inside = { from: at('2026-01-01T10:00:00Z'), to: at('2026-01-01T11:00:00Z') };
    expect(splitByWholeDays(inside)).toEqual({ days: null, edges: [inside] });
    const across = { from: at('2026-01-01T10:00:00Z'), to: at('2026-01-02T11:00:00Z') };
    expect(splitByWholeDays(across)).toEqual({ days: null, edges: [across] });
  });
});

describe('trend periods (UTC)', () => {
  it('start weeks on Monday, months on the 1st and quarters on their first month', () => {
    expect(periodStart(at('2026-11-29T23:59:59Z'), 'WEEK')).toEqual(at('2026-11-23T00:00:00Z')); // a Sunday
    expect(periodStart(at('2026-11-23T00:00:00Z'), 'WEEK')).toEqual(at('2026-11-23T00:00:00Z')); // a Monday
    expect(periodStart(at('2026-02-28T12:00:00Z'), 'MONTH')).toEqual(at('2026-02-01T00:00:00Z'));
    expect(periodStart(at('2026-12-31T23:00:00Z'), 'QUARTER')).toEqual(at('2026-10-01T00:00:00Z'));
  });

  it('lists every period overlapping the range, the first one starting before it', () => {
    expect(periodsOf({ from: at('2026-01-15T00:00:00Z'), to: at('2026-04-01T00:00:00Z') }, 'MONTH')).toEqual(
      ['2026-01-01', '2026-02-01', '2026-03-01'].map((d) => at(`${d}T00:00:00Z`)),
    );
    expect(periodsOf({ from: at('2025-12-31T00:00:00Z'), to: at('2026-01-01T00:00:01Z') }, 'QUARTER')).toEqual([at('2025-10-01T00:00:00Z'), at('2026-01-01T00:00:00Z')]);
  });
});

describe('quarters', () => {
  it('parse "2026-Q4" (any case, trimmed) to its UTC range and know the one before', () => {
    const q4 = parseQuarter(' 2026-q4 ');
    expect(q4).toEqual({ label: '2026-Q4', from: at('2026-10-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') });
    expect(previousQuarter(parseQuarter('2026-Q1'))).toEqual({ label: '2025-Q4', from: at('2025-10-01T00:00:00Z'), to: at('2026-01-01T00:00:00Z') });
  });

  it('refuse anything else, naming the field', () => {
    for (const bad of ['2026-Q5', '2026Q1', 'Q1-2026', '']) expect(() => parseQuarter(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'quarter' }));
  });
});
