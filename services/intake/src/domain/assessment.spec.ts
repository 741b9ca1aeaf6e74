import { BadUserInput } from '@redress/errors';
import { assess, priorityFor } from './assessment.js';

describe('assessment', () => {
  it('derives priority from the impact × urgency matrix', () => {
    const matrix = (['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const).map((impact) =>
      (['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const).map((urgency) => priorityFor(impact, urgency)).join(' '));
    expect(matrix).toEqual(['P4 P4 P3 P3', 'P4 P3 P3 P2', 'P3 P3 P2 P1', 'P3 P2 P1 P1']);
  });

  it('keeps the agent’s category and severity and adds the priority', () => {
    expect(assess({ category: 'BILLING', severity: 'HIGH', impact: 'MEDIUM', urgency: 'HIGH' })).toEqual({
      category: 'BILLING', severity: 'HIGH', impact: 'MEDIUM', urgency: 'HIGH', priority: 'P3',
    });
  });

  it('makes safety critical and P1, and refuses a lower severity for it', () => {
    expect(assess({ category: 'SAFETY', severity: 'CRITICAL', impact: 'LOW', urgency: 'LOW' }).priority).toBe('P1');
    expect(() => assess({ category: 'SAFETY', severity: 'HIGH', impact: 'HIGH', urgency: 'HIGH' })).toThrow(BadUserInput);
  });
});
