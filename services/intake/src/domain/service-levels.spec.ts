import { dueDates } from './service-levels.js';

const levels = { slaAckHours: 24, slaResolutionHours: { CRITICAL: 48, HIGH: 120, MEDIUM: 240, LOW: 360 } };

describe('service levels', () => {
  it('runs the acknowledgement and resolution clocks in wall-clock hours', () => {
    const receivedAt = new Date('2026-03-01T10:00:00Z');
    const due = dueDates(receivedAt, 'HIGH', levels);
    expect(due.acknowledgementDueAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-03-06T10:00:00.000Z');
  });

  it('uses the MEDIUM resolution clock until the severity is known', () => {
    const due = dueDates(new Date('2026-03-01T00:00:00Z'), null, { ...levels, slaAckHours: 0.5 });
    expect(due.acknowledgementDueAt.toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });
});
