import { surveyOutcome } from './survey-decision.js';

const due = { surveyCycle: 0, currentCycle: 0, followedUp: false, closed: false };

describe('when the survey falls due', () => {
  it('asks the customer while the cycle still waits for a follow-up', () => {
    expect(surveyOutcome(due)).toBe('REQUESTED');
  });

  it('stays silent once staff followed up, the complaint was closed or reopened', () => {
    expect(surveyOutcome({ ...due, followedUp: true })).toBe('SKIPPED');
    expect(surveyOutcome({ ...due, closed: true })).toBe('SKIPPED');
    expect(surveyOutcome({ ...due, currentCycle: 1 })).toBe('SKIPPED');
  });
});
