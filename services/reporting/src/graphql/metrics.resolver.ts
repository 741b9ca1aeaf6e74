import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allowed } from '@redress/auth';
import { Category, TrendInterval } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { ComplaintMetricsQuery } from '../complaint-metrics/complaint-metrics.query.js';
import { ComplaintTrendQuery } from '../complaint-metrics/complaint-trend.query.js';
import type { TimeRange } from '../domain/date-range.js';
import { periodCount } from '../domain/trend-periods.js';

/** A trend longer than this many points is refused rather than computed. */
const MAX_TREND_POINTS = 3660;

export function validRange(from: Date, to: Date): TimeRange {
  if (!(to > from)) throw new BadUserInput('to', 'must be after from');
  return { from, to };
}

/** SPEC §4's metrics and trend. */
@Resolver()
export class MetricsResolver {
  constructor(private readonly metrics: ComplaintMetricsQuery, private readonly trend: ComplaintTrendQuery) {}

  @Query('complaintMetrics')
  @Allowed('complaintMetrics')
  complaintMetrics(@Args('from') from: Date, @Args('to') to: Date) {
    return this.metrics.execute(validRange(from, to));
  }

  @Query('complaintTrend')
  @Allowed('complaintTrend')
  complaintTrend(@Args('interval') interval: string, @Args('from') from: Date, @Args('to') to: Date, @Args('category') category: string | null) {
    const range = validRange(from, to);
    const period = input.oneOf('interval', interval, TrendInterval);
    if (periodCount(range, period) > MAX_TREND_POINTS) throw new BadUserInput('interval', `would give more than ${MAX_TREND_POINTS} points; choose a longer interval or a shorter range`);
    return this.trend.execute(period, range, category == null ? null : input.oneOf('category', category, Category));
  }
}
