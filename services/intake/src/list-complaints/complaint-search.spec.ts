import { complaintSearch } from './complaint-search.js';

describe('complaintSearch', () => {
  it('looks for a reference exactly and for every word as a prefix', () => {
    expect(complaintSearch(' cmp-2026-000042 ')).toEqual({ reference: 'CMP-2026-000042', prefixQuery: 'cmp:* & 2026:* & 000042:*' });
    expect(complaintSearch('Grace Hop')).toEqual({ reference: 'GRACE HOP', prefixQuery: 'grace:* & hop:*' });
  });

  it('splits an email into its words and keeps accented letters', () => {
    expect(complaintSearch('grace.hopper@example.com').prefixQuery).toBe('grace:* & hopper:* & example:* & com:*');
    expect(complaintSearch('Müller').prefixQuery).toBe('müller:*');
  });

  it('never lets tsquery operators through', () => {
    expect(complaintSearch("refund & !(x | y) <-> 'z':*").prefixQuery).toBe('refund:* & x:* & y:* & z:*');
    expect(complaintSearch('&&& !!!').prefixQuery).toBeNull();
  });
});
