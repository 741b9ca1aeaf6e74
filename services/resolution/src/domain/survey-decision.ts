/** What the complaint looks like when its survey falls due. */
export interface SurveyMoment {
  /** The cycle the survey was armed for. */
  surveyCycle: number;
  /** The complaint's cycle now: a reopen since implementation makes the survey pointless. */
  currentCycle: number;
  followedUp: boolean;
  closed: boolean;
}

/** SPEC §1 step 7: ask for satisfaction unless the cycle was followed up, closed or reopened in the meantime. */
export function surveyOutcome(moment: SurveyMoment): 'REQUESTED' | 'SKIPPED' {
  const stillWaiting = moment.currentCycle === moment.surveyCycle && !moment.followedUp && !moment.closed;
  return stillWaiting ? 'REQUESTED' : 'SKIPPED';
}
