import { formatReference, REFERENCE_PATTERN } from './complaint-reference.js';

describe('formatReference', () => {
  it('pads the sequence number to at least six digits and keeps larger ones whole', () => {
    expect(formatReference(new Date('2026-05-01T00:00:00Z'), 42)).toBe('CMP-2026-000042');
    expect(formatReference(new Date('2026-05-01T00:00:00Z'), 12345678)).toBe('CMP-2026-12345678');
    expect(REFERENCE_PATTERN.test('CMP-2026-000042')).toBe(true);
  });
});
