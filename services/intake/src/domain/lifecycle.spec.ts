import { applyLifecycleEvent, type ProjectionState } from './lifecycle.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
const state = (status: ProjectionState['status'], stage: number, cycle = 0, minutes = 0): ProjectionState => ({ status, stage, cycle, stageAt: at(minutes) });

describe('applyLifecycleEvent', () => {
  it('moves forward through the process', () => {
    expect(applyLifecycleEvent(state('RECEIVED', 0), { type: 'complaint.acknowledged', cycle: 0, occurredAt: at(1) })?.status).toBe('ACKNOWLEDGED');
    expect(applyLifecycleEvent(state('ACKNOWLEDGED', 1), { type: 'complaint.assessed', cycle: 0, occurredAt: at(2) })?.status).toBe('ASSESSED');
  });

  it('lets acknowledgement and assessment arrive in either order without moving backwards', () => {
    expect(applyLifecycleEvent(state('ASSESSED', 2), { type: 'complaint.acknowledged', cycle: 0, occurredAt: at(3) })).toBeNull();
  });

  it('ignores a late or repeated event', () => {
    expect(applyLifecycleEvent(state('RESOLVED', 6), { type: 'resolution.proposed', cycle: 0, occurredAt: at(9) })).toBeNull();
    expect(applyLifecycleEvent(state('ACKNOWLEDGED', 1), { type: 'complaint.acknowledged', cycle: 0, occurredAt: at(9) })).toBeNull();
  });

  it('goes round again after a rejected proposal', () => {
    const rejected = state('RESOLUTION_REJECTED', 5, 0, 10);
    expect(applyLifecycleEvent(rejected, { type: 'resolution.proposed', cycle: 0, occurredAt: at(11) })?.status).toBe('RESOLUTION_PROPOSED');
    expect(applyLifecycleEvent(rejected, { type: 'investigation.started', cycle: 0, occurredAt: at(11) })?.status).toBe('INVESTIGATING');
    expect(applyLifecycleEvent(rejected, { type: 'resolution.proposed', cycle: 0, occurredAt: at(9) })).toBeNull();
  });

  it('starts a new cycle after a reopen and ignores the old cycle afterwards', () => {
    const reopened = applyLifecycleEvent(state('CLOSED', 8), { type: 'complaint.reopened', cycle: 1, occurredAt: at(20) });
    expect(reopened).toMatchObject({ status: 'REOPENED', cycle: 1, stage: 0 });
    expect(applyLifecycleEvent(reopened!, { type: 'complaint.closed', cycle: 0, occurredAt: at(21) })).toBeNull();
    expect(applyLifecycleEvent(reopened!, { type: 'investigation.started', cycle: 1, occurredAt: at(22) })?.status).toBe('INVESTIGATING');
  });
});
