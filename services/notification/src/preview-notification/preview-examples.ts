import type { ComplaintState, NotificationKind } from '@redress/contracts';

/**
 * What a preview fills in for the parts only the causing event knows (options offered, the remedy
 * carried out, which deadline): realistic examples, taken from the complaint where it has them.
 */
export function exampleEventData(kind: NotificationKind, state: ComplaintState, now = new Date()): Record<string, unknown> {
  const category = state.category ?? 'OTHER';
  switch (kind) {
    case 'ASSESSMENT':
      return { cycle: state.cycle, category, severity: state.severity ?? 'MEDIUM', priority: state.priority ?? 'P3', resolutionDueAt: state.resolutionDueAt };
    case 'ESCALATION':
      return { cycle: state.cycle, cause: 'MANUAL' };
    case 'ASSIGNMENT':
      return { cycle: state.cycle, investigationId: '00000000-0000-4000-8000-000000000000' };
    case 'RESOLUTION_PROPOSED':
      return { cycle: state.cycle, proposalId: '00000000-0000-4000-8000-000000000000', options: [{ type: 'REFUND', amount: 50, currency: 'EUR' }, { type: 'APOLOGY' }] };
    case 'RESOLUTION_IMPLEMENTED':
      return { cycle: state.cycle, type: 'REFUND', amount: 50, currency: 'EUR' };
    case 'CLOSURE':
      return { cycle: state.cycle, closedAt: now.toISOString(), overridden: false };
    case 'SLA_AT_RISK':
    case 'SLA_BREACH':
      return { cycle: state.cycle, clock: 'RESOLUTION', dueAt: state.resolutionDueAt };
    case 'TREND_ALERT':
      return { category, periodStart: new Date(now.getTime() - 7 * 86_400_000).toISOString(), count: 12, baseline: 4 };
    default:
      return { cycle: state.cycle };
  }
}
