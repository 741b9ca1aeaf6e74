import { triageAtIntake } from './intake-triage.js';

const text = { subject: 'Charged twice', description: 'My card was charged twice.' };

describe('triageAtIntake', () => {
  it('takes what the submitter chose over the suggestion, and keeps the suggestion', () => {
    const triage = triageAtIntake({ ...text, category: 'SERVICE', severity: 'LOW' });
    expect(triage).toMatchObject({ category: 'SERVICE', severity: 'LOW', priority: 'P4', safety: false });
    expect(triage.suggestion).toMatchObject({ category: 'BILLING', severity: 'MEDIUM' });
  });

  it('fills in what the submitter left open from the suggestion', () => {
    expect(triageAtIntake({ ...text, category: null, severity: null })).toMatchObject({ category: 'BILLING', severity: 'MEDIUM', priority: 'P3' });
    expect(triageAtIntake({ subject: 'Hi', description: 'Call me', category: null, severity: null })).toMatchObject({ category: null, severity: null, priority: null });
  });

  it('makes safety critical and escalated, whether chosen or found in the words', () => {
    expect(triageAtIntake({ ...text, category: 'SAFETY', severity: 'LOW' })).toMatchObject({ category: 'SAFETY', severity: 'CRITICAL', priority: 'P1', safety: true });
    expect(triageAtIntake({ subject: 'Charger', description: 'It started sparking', category: 'PRODUCT_DEFECT', severity: 'LOW' })).toMatchObject({
      category: 'SAFETY', severity: 'CRITICAL', safety: true,
    });
  });
});
