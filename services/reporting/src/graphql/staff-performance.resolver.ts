import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allowed } from '@redress/auth';
import { StaffPerformanceQuery } from '../staff-performance/staff-performance.query.js';
import { validRange } from './metrics.resolver.js';

@Resolver()
export class StaffPerformanceResolver {
  constructor(private readonly staff: StaffPerformanceQuery) {}

  @Query('staffPerformance')
  @Allowed('staffPerformance')
  staffPerformance(@Args('from') from: Date, @Args('to') to: Date) {
    return this.staff.execute(validRange(from, to));
  }
}
