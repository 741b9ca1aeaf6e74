import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@redress/auth';
import { validateInvestigator, type InvestigatorInput } from '../roster/investigator-profile.js';
import { InvestigatorRoster, type RosterEntry } from '../roster/investigator-roster.js';

const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;

/** The roster: `investigators` with each member's current load, and `upsertInvestigator`. */
@Resolver('Investigator')
export class InvestigatorsResolver {
  constructor(private readonly roster: InvestigatorRoster) {}

  @Query('investigators')
  @Roles(...STAFF)
  investigators(): Promise<RosterEntry[]> {
    return this.roster.list();
  }

  @Mutation('upsertInvestigator')
  @Roles('MANAGER', 'ADMIN')
  upsertInvestigator(@Args('input') raw: InvestigatorInput): Promise<RosterEntry> {
    return this.roster.upsert(validateInvestigator(raw));
  }
}
