import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@redress/auth';
import { InvestigatorRoster, type RosterEntry } from '../roster/investigator-roster.js';

const STAFF = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;

/** `investigators`: the whole roster with each member's current load. */
@Resolver('Investigator')
export class InvestigatorsResolver {
  constructor(private readonly roster: InvestigatorRoster) {}

  @Query('investigators')
  @Roles(...STAFF)
  investigators(): Promise<RosterEntry[]> {
    return this.roster.list();
  }
}
