import {
  assertDecidable, assertImplementable, assertMayClose, assertMayFollowUp, assertMayPropose, statusWithOwnEvents, type ResolutionFacts,
} from './resolution-lifecycle.js';

const nothing: ResolutionFacts = { latestProposal: null, followedUp: false, closed: false };
const proposal = (status: 'PROPOSED' | 'ACCEPTED' | 'REJECTED', implemented = false): ResolutionFacts => ({ ...nothing, latestProposal: { status, implemented } });
const conflict = expect.objectContaining({ code: 'CONFLICT' });

describe('the status resolution decides on', () => {
  it('is intake\'s while resolution has done nothing in the cycle', () => {
    expect(statusWithOwnEvents('ASSESSED', nothing)).toBe('ASSESSED');
    expect(statusWithOwnEvents('REOPENED', nothing)).toBe('REOPENED');
  });

  it('includes what resolution committed and intake has not applied yet', () => {
    expect(statusWithOwnEvents('INVESTIGATING', proposal('PROPOSED'))).toBe('RESOLUTION_PROPOSED');
    expect(statusWithOwnEvents('RESOLUTION_PROPOSED', proposal('ACCEPTED'))).toBe('RESOLUTION_ACCEPTED');
    expect(statusWithOwnEvents('RESOLUTION_ACCEPTED', proposal('ACCEPTED', true))).toBe('RESOLVED');
    expect(statusWithOwnEvents('RESOLVED', { ...proposal('ACCEPTED', true), followedUp: true })).toBe('FOLLOWED_UP');
    expect(statusWithOwnEvents('FOLLOWED_UP', { ...proposal('ACCEPTED', true), followedUp: true, closed: true })).toBe('CLOSED');
  });

  it('keeps a new investigation after a rejection', () => {
    expect(statusWithOwnEvents('RESOLUTION_PROPOSED', proposal('REJECTED'))).toBe('RESOLUTION_REJECTED');
    expect(statusWithOwnEvents('INVESTIGATING', proposal('REJECTED'))).toBe('INVESTIGATING');
  });
});

describe('SPEC §5 rules', () => {
  it.each(['RECEIVED', 'ACKNOWLEDGED', 'ASSESSED', 'INVESTIGATING', 'RESOLUTION_REJECTED', 'REOPENED'] as const)('proposes from %s', (status) => {
    expect(() => assertMayPropose(status, false)).not.toThrow();
  });

  it.each(['RESOLUTION_PROPOSED', 'RESOLUTION_ACCEPTED', 'RESOLVED', 'FOLLOWED_UP', 'CLOSED'] as const)('refuses a proposal from %s', (status) => {
    expect(() => assertMayPropose(status, false)).toThrow(conflict);
  });

  it('refuses a second pending proposal', () => {
    expect(() => assertMayPropose('INVESTIGATING', true)).toThrow(/waiting for the customer/);
  });

  it('follows up once, from RESOLVED only', () => {
    expect(() => assertMayFollowUp('RESOLVED')).not.toThrow();
    expect(() => assertMayFollowUp('FOLLOWED_UP')).toThrow(/already recorded/);
    expect(() => assertMayFollowUp('RESOLUTION_ACCEPTED')).toThrow(conflict);
  });

  it('closes after the follow-up, or from RESOLVED with an override', () => {
    expect(() => assertMayClose('FOLLOWED_UP', false)).not.toThrow();
    expect(() => assertMayClose('RESOLVED', true)).not.toThrow();
    expect(() => assertMayClose('RESOLVED', false)).toThrow(/overrideReason/);
    expect(() => assertMayClose('CLOSED', true)).toThrow(conflict);
    expect(() => assertMayClose('RESOLUTION_ACCEPTED', true)).toThrow(conflict);
  });

  it('decides PROPOSED proposals and implements ACCEPTED ones once', () => {
    expect(() => assertDecidable({ status: 'PROPOSED' })).not.toThrow();
    expect(() => assertDecidable({ status: 'REJECTED' })).toThrow(conflict);
    expect(() => assertImplementable({ status: 'ACCEPTED', implementedAt: null })).not.toThrow();
    expect(() => assertImplementable({ status: 'ACCEPTED', implementedAt: new Date() })).toThrow(/already implemented/);
    expect(() => assertImplementable({ status: 'PROPOSED', implementedAt: null })).toThrow(conflict);
  });
});
