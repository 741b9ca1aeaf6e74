import { ANONYMOUS, effectiveRoles, hasAnyRole, rolesFromClaim } from './identity.js';

describe('roles', () => {
  const staff = (...roles: Parameters<typeof rolesFromClaim>[0][]) => ({ roles: rolesFromClaim(roles) });

  it('gives a MANAGER every right of an AGENT', () => {
    expect(hasAnyRole(staff('MANAGER'), ['AGENT'])).toBe(true);
    expect([...effectiveRoles(staff('MANAGER'))].sort()).toEqual(['AGENT', 'MANAGER']);
  });

  it('does not give an AGENT the rights of a MANAGER', () => {
    expect(hasAnyRole(staff('AGENT'), ['MANAGER'])).toBe(false);
  });

  it('grants the rights of each role of a token with several', () => {
    const qaAndInvestigator = staff('QA', 'INVESTIGATOR');
    expect(hasAnyRole(qaAndInvestigator, ['INVESTIGATOR'])).toBe(true);
    expect(hasAnyRole(qaAndInvestigator, ['QA'])).toBe(true);
    expect(hasAnyRole(qaAndInvestigator, ['AGENT', 'ADMIN'])).toBe(false);
  });

  it('gives an anonymous caller no role', () => {
    expect(hasAnyRole(ANONYMOUS, ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'])).toBe(false);
  });

  it('ignores unknown roles, duplicates and malformed claims', () => {
    expect(rolesFromClaim(['AGENT', 'SUPERUSER', 42, 'AGENT', 'manager'])).toEqual(['AGENT']);
    expect(rolesFromClaim('MANAGER')).toEqual([]);
    expect(rolesFromClaim(undefined)).toEqual([]);
  });
});
