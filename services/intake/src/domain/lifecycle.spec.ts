import { applyLifecycleEvent, projectLifecycle, type LifecycleEvent, type ProjectionState } from './lifecycle.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
const state = (status: ProjectionState['status'], stage: number, cycle = 0, minutes = 0): ProjectionState => ({ status, stage, cycle, stageAt: at(minutes) });
const event = (type: LifecycleEvent['type'], minutes: number, cycle = 0): LifecycleEvent => ({ type, cycle, occurredAt: at(minutes) });
const received = state('RECEIVED', 0);

describe('applyLifecycleEvent', () => {
  it('moves forward through the process', () => {
    expect(applyLifecycleEvent(state('RECEIVED', 0), event('complaint.acknowledged', 1))?.status).toBe('ACKNOWLEDGED');
    expect(applyLifecycleEvent(state('ACKNOWLEDGED', 1), event('complaint.assessed', 2))?.status).toBe('ASSESSED');
  });

  it('lets acknowledgement and assessment arrive in either order without moving backwards', () => {
    expect(applyLifecycleEvent(state('ASSESSED', 2), event('complaint.acknowledged', 3))).toBeNull();
  });

  it('acknowledges only from RECEIVED and assesses only from RECEIVED or ACKNOWLEDGED', () => {
    expect(applyLifecycleEvent(state('REOPENED', 0, 1), event('complaint.assessed', 5, 1))).toBeNull();
    expect(applyLifecycleEvent(state('REOPENED', 0, 1), event('complaint.acknowledged', 5, 1))).toBeNull();
    expect(applyLifecycleEvent(state('INVESTIGATING', 3), event('complaint.assessed', 5))).toBeNull();
  });

  it('ignores a late or repeated event', () => {
    expect(applyLifecycleEvent(state('RESOLVED', 6), event('resolution.proposed', 9))).toBeNull();
    expect(applyLifecycleEvent(state('ACKNOWLEDGED', 1), event('complaint.acknowledged', 9))).toBeNull();
  });

  it('goes round again after a rejected proposal', () => {
    const rejected = state('RESOLUTION_REJECTED', 5, 0, 10);
    expect(applyLifecycleEvent(rejected, event('resolution.proposed', 11))?.status).toBe('RESOLUTION_PROPOSED');
    expect(applyLifecycleEvent(rejected, event('investigation.started', 11))?.status).toBe('INVESTIGATING');
    expect(applyLifecycleEvent(rejected, event('resolution.proposed', 9))).toBeNull();
  });

  it('starts a new cycle after a reopen and ignores the old cycle afterwards', () => {
    const reopened = applyLifecycleEvent(state('CLOSED', 8), event('complaint.reopened', 20, 1));
    expect(reopened).toMatchObject({ status: 'REOPENED', cycle: 1, stage: 0 });
    expect(applyLifecycleEvent(reopened!, event('complaint.closed', 21, 0))).toBeNull();
    expect(applyLifecycleEvent(reopened!, event('investigation.started', 22, 1))?.status).toBe('INVESTIGATING');
  });
});

describe('projectLifecycle', () => {
  const happyPath = [
    event('complaint.acknowledged', 1), event('complaint.assessed', 2), event('investigation.started', 3), event('resolution.proposed', 4),
    event('resolution.accepted', 5), event('resolution.implemented', 6), event('followup.recorded', 7), event('complaint.closed', 8),
  ];

  it('reaches the same status whatever order the events arrive in', () => {
    const shuffles = [happyPath, [...happyPath].reverse(), [happyPath[7], happyPath[0], happyPath[3], ...happyPath.slice(4, 7), happyPath[1], happyPath[2]]];
    for (const arrival of shuffles) expect(projectLifecycle(received, arrival)).toMatchObject({ status: 'CLOSED', stage: 8, cycle: 0 });
  });

  it('never goes backwards when an earlier event arrives after a later one', () => {
    const known = [event('resolution.implemented', 6)];
    expect(projectLifecycle(received, known).status).toBe('RESOLVED');
    expect(projectLifecycle(received, [...known, event('resolution.proposed', 4), event('investigation.started', 3)]).status).toBe('RESOLVED');
  });

  it('lets a second proposal count even when the rejection of the first arrives after it', () => {
    const arrival = [event('resolution.proposed', 4), event('resolution.proposed', 10), event('resolution.rejected', 6)];
    expect(projectLifecycle(received, arrival).status).toBe('RESOLUTION_PROPOSED');
    expect(projectLifecycle(received, [...arrival, event('resolution.accepted', 12)]).status).toBe('RESOLUTION_ACCEPTED');
  });

  it('keeps a new cycle after a reopen even when the old cycle closes late', () => {
    const arrival = [event('resolution.implemented', 6), event('complaint.reopened', 20, 1), event('complaint.closed', 8, 0), event('investigation.started', 22, 1)];
    expect(projectLifecycle(received, arrival)).toMatchObject({ status: 'INVESTIGATING', cycle: 1 });
  });
});
