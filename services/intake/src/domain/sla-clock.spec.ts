import { atRiskTime, pause, pendingAlarms, rebudget, resume, ring, startClock, stop } from './sla-clock.js';

const HOUR = 3_600_000;
const t0 = new Date('2026-03-01T10:00:00Z');
const after = (hours: number) => new Date(t0.getTime() + hours * HOUR);

describe('SLA clock', () => {
  const resolution = startClock('RESOLUTION', 0, t0, 10 * HOUR);

  it('is due after its budget, warns at 80 % and breaches at the due time', () => {
    expect(resolution.dueAt).toEqual(after(10));
    expect(pendingAlarms(resolution)).toEqual([{ alarm: 'AT_RISK', at: after(8) }, { alarm: 'BREACH', at: after(10) }]);
    expect(ring(resolution, 'AT_RISK', after(7.9))).toBeNull();
    const warned = ring(resolution, 'AT_RISK', after(8))!;
    expect(warned).toMatchObject({ atRiskAt: after(8), version: 0, state: 'RUNNING' });
    expect(ring(warned, 'AT_RISK', after(9))).toBeNull();
    expect(pendingAlarms(warned)).toEqual([{ alarm: 'BREACH', at: after(10) }]);
    const breached = ring(warned, 'BREACH', after(10))!;
    expect(breached).toMatchObject({ state: 'BREACHED', breachedAt: after(10), version: 1 });
    expect(ring(breached, 'BREACH', after(11))).toBeNull();
    expect(pendingAlarms(breached)).toEqual([]);
  });

  it('moves the due date by the time spent paused, and rings nothing while paused', () => {
    const paused = pause(resolution, after(2))!;
    expect(paused.state).toBe('PAUSED');
    expect(pendingAlarms(paused)).toEqual([]);
    expect(ring(paused, 'BREACH', after(30))).toBeNull();
    expect(pause(paused, after(3))).toBeNull();
    const resumed = resume(paused, after(5))!;
    expect(resumed).toMatchObject({ state: 'RUNNING', dueAt: after(13), pausedMs: 3 * HOUR, pausedAt: null });
    expect(atRiskTime(resumed)).toEqual(after(11));
    expect(resume(resumed, after(6))).toBeNull();
    expect(resume(pause(resumed, after(6))!, after(7))!.dueAt).toEqual(after(14));
  });

  it('takes a new length from the same start when the severity changes, keeping paused time', () => {
    const resumed = resume(pause(resolution, after(1))!, after(2))!;
    const longer = rebudget(resumed, 20 * HOUR)!;
    expect(longer).toMatchObject({ dueAt: after(21), budgetMs: 20 * HOUR, version: resumed.version + 1 });
    expect(rebudget(longer, 20 * HOUR)).toBeNull();
    const warned = ring(resolution, 'AT_RISK', after(8))!;
    expect(rebudget(warned, 40 * HOUR)!.atRiskAt).toBeNull();
    expect(rebudget(warned, 5 * HOUR)!.atRiskAt).toEqual(after(8));
  });

  it('stops when met, keeps a breach on record and ignores a stopped clock', () => {
    const met = stop(resolution, after(3), 'MET')!;
    expect(met).toMatchObject({ state: 'MET', stoppedAt: after(3) });
    expect(stop(met, after(4), 'STOPPED')).toBeNull();
    expect(rebudget(met, HOUR)).toBeNull();
    expect(pendingAlarms(met)).toEqual([]);
    const breached = ring(resolution, 'BREACH', after(10))!;
    expect(stop(breached, after(12), 'MET')).toMatchObject({ state: 'BREACHED', stoppedAt: after(12) });
  });
});
