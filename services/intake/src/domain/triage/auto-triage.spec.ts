import { autoTriage } from './auto-triage.js';
import { contains, wordsOf } from './text-cues.js';

describe('autoTriage', () => {
  it('makes safety words SAFETY, CRITICAL and P1, whatever else the text says', () => {
    expect(autoTriage('Refund for heater', 'The heater caught fire and my son was burned.')).toEqual({
      category: 'SAFETY', severity: 'CRITICAL', priority: 'P1', safety: true,
      reasons: ['safety: "burned", "caught fire" → SAFETY, CRITICAL, escalated'],
    });
  });

  it('does not take a harmless phrase for a safety matter', () => {
    expect(autoTriage('Fire insurance premium', 'I was shocked by the price increase.').safety).toBe(false);
  });

  it('suggests the category whose cues weigh most, counting the subject twice, and says why', () => {
    const billing = autoTriage('Charged twice', 'My card was charged twice for one order; I want a refund.');
    expect(billing).toMatchObject({ category: 'BILLING', severity: 'MEDIUM', priority: 'P3', safety: false });
    expect(billing.reasons[0]).toBe('category BILLING (score 8): "charg…", "refund…", "twice"');
    expect(autoTriage('Parcel never arrived', 'Tracking says delivered but nothing came.').category).toBe('DELIVERY');
    expect(autoTriage('Kettle stopped working', 'It broke after two days.').category).toBe('PRODUCT_DEFECT');
    expect(autoTriage('Rude staff', 'The employee shouted at me.').category).toBe('STAFF_CONDUCT');
    expect(autoTriage('Marketing emails', 'You shared my personal data without consent.').category).toBe('PRIVACY');
  });

  it('raises severity for fraud, legal threats or vulnerability and lowers it for a remark', () => {
    expect(autoTriage('Unauthorised payment', 'Someone used my card: fraud.')).toMatchObject({ severity: 'HIGH', priority: 'P2' });
    expect(autoTriage('Billing suggestion', 'A minor point about the invoice layout.')).toMatchObject({ category: 'BILLING', severity: 'LOW', priority: 'P4' });
  });

  it('suggests nothing when no cue is found', () => {
    expect(autoTriage('Hello', 'Please call me.')).toEqual({ category: null, severity: null, priority: null, safety: false, reasons: [] });
  });
});

describe('text cues', () => {
  it('matches words and prefixes in order, ignoring case and punctuation', () => {
    const words = wordsOf("It DOESN'T work; charges applied.");
    expect(contains(words, 'doesn t work')).toBe(true);
    expect(contains(words, 'charg*')).toBe(true);
    expect(contains(words, 'charges work')).toBe(false);
  });
});
