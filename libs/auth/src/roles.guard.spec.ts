import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { ResolveReference } from '@nestjs/graphql';
import { Allowed, AllowedField, Public, Roles } from './access.decorators.js';
import { ANONYMOUS, type Identity } from './identity.js';
import { RolesGuard } from './roles.guard.js';

@Roles('AGENT')
class ComplaintResolverFake {
  inheritsClassRoles() {}
  @Roles('QA') ownRolesWin() {}
  @Public() trackComplaint() {}
}

class TableResolverFake {
  @Allowed('submitComplaint') submitComplaint() {}
  @Allowed('reopenComplaint') reopenComplaint() {}
  @Allowed('respondToProposal') respondToProposal() {}
  @AllowedField('Complaint.qualityReviews') qualityReviews() {}
}

class UndecoratedResolverFake {
  forgotToDeclare() {}
  @ResolveReference() resolveReference() {}
}

const agent: Identity = { sub: 'alice', roles: ['AGENT'], anonymous: false };
const guard = new RolesGuard(new Reflector());

function graphqlCall(cls: object & { prototype: object }, method: string, identity: Identity) {
  const handler = (cls.prototype as Record<string, () => void>)[method];
  const context = new ExecutionContextHost([{}, {}, { identity }, {}], cls as never, handler);
  context.setType('graphql');
  return () => guard.canActivate(context);
}

function reference(identity: Identity) {
  const context = new ExecutionContextHost([{ id: '1' }, { identity }, {}], UndecoratedResolverFake as never, UndecoratedResolverFake.prototype.resolveReference);
  context.setType('graphql');
  return () => guard.canActivate(context);
}

describe('RolesGuard', () => {
  it('applies a class-level @Roles to its methods', () => {
    expect(graphqlCall(ComplaintResolverFake, 'inheritsClassRoles', agent)()).toBe(true);
    expect(graphqlCall(ComplaintResolverFake, 'inheritsClassRoles', ANONYMOUS)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it("lets a method's own rule win over its class's", () => {
    expect(graphqlCall(ComplaintResolverFake, 'ownRolesWin', agent)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(graphqlCall(ComplaintResolverFake, 'trackComplaint', ANONYMOUS)()).toBe(true);
  });

  it('denies a resolver that declares nothing', () => {
    expect(graphqlCall(UndecoratedResolverFake, 'forgotToDeclare', { ...agent, roles: ['ADMIN'] })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets the gateway resolve entity references (three-argument resolvers) without a rule', () => {
    expect(reference(ANONYMOUS)()).toBe(true);
  });

  it('does not stand in the way of HTTP controllers without a rule (health)', () => {
    const context = new ExecutionContextHost([{}, {}], UndecoratedResolverFake as never, UndecoratedResolverFake.prototype.forgotToDeclare);
    context.setType('http');
    expect(guard.canActivate(context)).toBe(true);
  });

  it('applies the row of OPERATION_ACCESS named by @Allowed', () => {
    expect(graphqlCall(TableResolverFake, 'submitComplaint', ANONYMOUS)()).toBe(true);
    expect(graphqlCall(TableResolverFake, 'submitComplaint', agent)()).toBe(true);
    expect(graphqlCall(TableResolverFake, 'submitComplaint', { ...agent, roles: ['QA'] })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(graphqlCall(TableResolverFake, 'reopenComplaint', agent)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(graphqlCall(TableResolverFake, 'reopenComplaint', { ...agent, roles: ['MANAGER'] })()).toBe(true);
    expect(graphqlCall(TableResolverFake, 'respondToProposal', ANONYMOUS)()).toBe(true);
  });

  it('applies the row of FIELD_ACCESS named by @AllowedField', () => {
    expect(graphqlCall(TableResolverFake, 'qualityReviews', { ...agent, roles: ['QA'] })()).toBe(true);
    expect(graphqlCall(TableResolverFake, 'qualityReviews', agent)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
