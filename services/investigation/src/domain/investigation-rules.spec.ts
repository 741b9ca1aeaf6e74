import { assertInvestigationMayStart, assertOpen, statusWithOwnEvents } from './investigation-rules.js';

const none = { open: false, startedThisCycle: false };

describe('when an investigation may start (SPEC §5)', () => {
  it.each(['RECEIVED', 'ACKNOWLEDGED', 'ASSESSED', 'RESOLUTION_REJECTED', 'REOPENED'] as const)('may start from %s', (status) => {
    expect(() => assertInvestigationMayStart(status, none)).not.toThrow();
  });

  it.each(['INVESTIGATING', 'RESOLUTION_PROPOSED', 'RESOLUTION_ACCEPTED', 'RESOLVED', 'FOLLOWED_UP', 'CLOSED'] as const)('answers CONFLICT from %s', (status) => {
    expect(() => assertInvestigationMayStart(status, none)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('allows one OPEN investigation at a time, even after a rejected proposal', () => {
    expect(() => assertInvestigationMayStart('RESOLUTION_REJECTED', { open: true, startedThisCycle: true })).toThrow(/already has an OPEN/);
  });

  it('counts an investigation started here that intake has not applied yet', () => {
    expect(statusWithOwnEvents('ASSESSED', { open: false, startedThisCycle: true })).toBe('INVESTIGATING');
    expect(() => assertInvestigationMayStart('ACKNOWLEDGED', { open: false, startedThisCycle: true })).toThrow(/INVESTIGATING/);
  });

  it('lets a reopened complaint be investigated again, and a rejected proposal lead to a new investigation', () => {
    expect(statusWithOwnEvents('REOPENED', { open: false, startedThisCycle: false })).toBe('REOPENED');
    expect(statusWithOwnEvents('RESOLUTION_REJECTED', { open: false, startedThisCycle: true })).toBe('RESOLUTION_REJECTED');
  });
});

describe('work on an investigation', () => {
  it('is refused once it is COMPLETED', () => {
    expect(() => assertOpen({ status: 'OPEN' }, 'add a note')).not.toThrow();
    expect(() => assertOpen({ status: 'COMPLETED' }, 'add a note')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('add a note') }));
  });
});
