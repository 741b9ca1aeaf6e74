import { decideAccess, decideOperationAccess } from './access-rule.js';
import { ANONYMOUS, type Identity } from './identity.js';

const staff = (...roles: Identity['roles']): Identity => ({ sub: 'someone', roles, anonymous: false });

describe('decideAccess', () => {
  it('lets anyone through a @Public() operation', () => {
    expect(decideAccess(ANONYMOUS, { public: true }, 'graphql')).toBeNull();
    expect(decideAccess(staff(), { public: true }, 'graphql')).toBeNull();
  });

  it('lets staff with one of the roles through', () => {
    expect(decideAccess(staff('QA'), { roles: ['AGENT', 'QA'] }, 'graphql')).toBeNull();
  });

  it('lets a MANAGER through an AGENT operation', () => {
    expect(decideAccess(staff('MANAGER'), { roles: ['AGENT'] }, 'graphql')).toBeNull();
  });

  it('answers UNAUTHENTICATED to an anonymous caller on a role-protected operation', () => {
    expect(decideAccess(ANONYMOUS, { roles: ['AGENT'] }, 'graphql')?.code).toBe('UNAUTHENTICATED');
    expect(decideAccess(undefined, { roles: ['AGENT'] }, 'graphql')?.code).toBe('UNAUTHENTICATED');
  });

  it('answers FORBIDDEN to staff without the role, role-less staff included', () => {
    expect(decideAccess(staff('QA'), { roles: ['AGENT'] }, 'graphql')?.code).toBe('FORBIDDEN');
    expect(decideAccess(staff(), { roles: ['AGENT'] }, 'graphql')?.code).toBe('FORBIDDEN');
    expect(decideAccess(staff('AGENT'), { roles: ['MANAGER'] }, 'graphql')?.code).toBe('FORBIDDEN');
  });

  it('denies a GraphQL operation or field that declares no rule, even to an ADMIN', () => {
    expect(decideAccess(staff('ADMIN', 'MANAGER'), undefined, 'graphql')?.code).toBe('FORBIDDEN');
    expect(decideAccess(ANONYMOUS, undefined, 'graphql')?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps entity reference resolvers open to the gateway unless they declare roles', () => {
    expect(decideAccess(ANONYMOUS, undefined, 'reference')).toBeNull();
    expect(decideAccess(ANONYMOUS, { roles: ['AGENT'] }, 'reference')?.code).toBe('UNAUTHENTICATED');
  });

  it('leaves health endpoints and event handlers alone unless they declare roles', () => {
    expect(decideAccess(undefined, undefined, 'other')).toBeNull();
    expect(decideAccess(staff('QA'), { roles: ['ADMIN'] }, 'other')?.code).toBe('FORBIDDEN');
  });

  it('lets anonymous callers through a rule that admits them, while staff still need one of its roles', () => {
    const submit = { roles: ['AGENT', 'MANAGER'] as const, anonymous: true };
    expect(decideAccess(ANONYMOUS, submit, 'graphql')).toBeNull();
    expect(decideAccess(staff('MANAGER'), submit, 'graphql')).toBeNull();
    expect(decideAccess(staff('QA'), submit, 'graphql')?.code).toBe('FORBIDDEN');
  });
});

describe('decideOperationAccess (OPERATION_ACCESS)', () => {
  it('decides by the table row of the operation', () => {
    expect(decideOperationAccess(ANONYMOUS, 'trackComplaint')).toBeNull();
    expect(decideOperationAccess(ANONYMOUS, 'submitComplaint')).toBeNull();
    expect(decideOperationAccess(staff('QA'), 'submitComplaint')?.code).toBe('FORBIDDEN');
    expect(decideOperationAccess(ANONYMOUS, 'complaints')?.code).toBe('UNAUTHENTICATED');
    expect(decideOperationAccess(staff('AGENT'), 'reopenComplaint')?.code).toBe('FORBIDDEN');
    expect(decideOperationAccess(staff('MANAGER'), 'assessComplaint')).toBeNull();
    expect(decideOperationAccess(staff('INVESTIGATOR'), 'complaintMetrics')?.code).toBe('FORBIDDEN');
  });

  it('does not decide an operation the table does not list', () => {
    expect(decideOperationAccess(staff('ADMIN'), 'dropEverything')).toBeUndefined();
    expect(decideOperationAccess(staff('ADMIN'), 'toString')).toBeUndefined();
  });
});
