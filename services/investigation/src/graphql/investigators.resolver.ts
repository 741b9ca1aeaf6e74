import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allowed } from '@redress/auth';
import { validateInvestigator, type InvestigatorInput } from '../roster/investigator-profile.js';
import { InvestigatorRoster, type RosterEntry } from '../roster/investigator-roster.js';

/** The roster: `investigators` with each member's current load, and `upsertInvestigator`. */
@Resolver('Investigator')
export class InvestigatorsResolver {
  constructor(private readonly roster: InvestigatorRoster) {}

  @Query('investigators')
  @Allowed('investigators')
  investigators(): Promise<RosterEntry[]> {
    return this.roster.list();
  }

  @Mutation('upsertInvestigator')
  @Allowed('upsertInvestigator')
  upsertInvestigator(@Args('input') raw: InvestigatorInput): Promise<RosterEntry> {
    return this.roster.upsert(validateInvestigator(raw));
  }
}
