import { BadUserInput } from '@redress/errors';
import { validateSubmission, type SubmitComplaintInput } from './submission.js';

const valid: SubmitComplaintInput = {
  channel: 'WEB',
  customer: { name: '  Ada Lovelace ', email: 'Ada@Example.com ' },
  subject: ' Card charged twice ',
  description: 'I was charged twice for the same order.',
};

function fieldOf(raw: SubmitComplaintInput): string | undefined {
  try {
    validateSubmission(raw);
  } catch (error) {
    if (error instanceof BadUserInput) return error.field;
    throw error;
  }
  return undefined;
}

describe('validateSubmission', () => {
  it('trims strings and normalises the email', () => {
    const submission = validateSubmission(valid);
    expect(submission.customer).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', phone: null });
    expect(submission.subject).toBe('Card charged twice');
  });

  it('names the field that is wrong', () => {
    expect(fieldOf({ ...valid, subject: '   ' })).toBe('input.subject');
    expect(fieldOf({ ...valid, subject: 'x'.repeat(201) })).toBe('input.subject');
    expect(fieldOf({ ...valid, description: 'x'.repeat(10_001) })).toBe('input.description');
    expect(fieldOf({ ...valid, customer: { name: 'A', email: 'not-an-email' } })).toBe('input.customer.email');
    expect(fieldOf({ ...valid, customer: { name: 'x'.repeat(201), email: 'a@b.co' } })).toBe('input.customer.name');
    expect(fieldOf({ ...valid, customer: { name: 'A', email: 'a@b.co', phone: 'call me maybe' } })).toBe('input.customer.phone');
    expect(fieldOf({ ...valid, channel: 'FAX' })).toBe('input.channel');
  });

  it('accepts the limits exactly', () => {
    expect(fieldOf({ ...valid, subject: 'x'.repeat(200), description: 'y'.repeat(10_000) })).toBeUndefined();
  });
});
