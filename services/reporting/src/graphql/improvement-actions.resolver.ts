import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, Roles, type Identity } from '@redress/auth';
import { RootCauseCategory } from '@redress/contracts';
import { input } from '@redress/errors';
import { ImprovementActionStatus, isOverdue } from '../domain/improvement-action.js';
import { validateChanges, validateNewAction } from '../improvement-actions/improvement-action-input.js';
import { ImprovementActionsHandler } from '../improvement-actions/improvement-actions.handler.js';
import type { ImprovementActionEntity } from '../persistence/improvement-action.entity.js';

type RawAction = Parameters<typeof validateNewAction>[0];

@Resolver('ImprovementAction')
export class ImprovementActionsResolver {
  constructor(private readonly actions: ImprovementActionsHandler) {}

  @Query('improvementActions')
  @Allowed('improvementActions')
  improvementActions(@Args('status') status: string[] | null, @Args('rootCause') rootCause: string | null) {
    return this.actions.list({
      status: status?.map((s, i) => input.oneOf(`status[${i}]`, s, ImprovementActionStatus)),
      rootCause: rootCause == null ? null : input.oneOf('rootCause', rootCause, RootCauseCategory),
    });
  }

  @Mutation('createImprovementAction')
  @Allowed('createImprovementAction')
  createImprovementAction(@Args('input') raw: RawAction, @CurrentIdentity() identity: Identity) {
    return this.actions.create(validateNewAction(raw), identity.sub!);
  }

  @Mutation('updateImprovementAction')
  @Allowed('updateImprovementAction')
  updateImprovementAction(@Args('id') id: string, @Args('changes') raw: RawAction) {
    const changes = validateChanges(raw);
    return this.actions.update(input.uuid('id', id), changes);
  }

  @ResolveField('overdue')
  @Roles('MANAGER', 'QA', 'ADMIN')
  overdue(@Parent() action: ImprovementActionEntity): boolean {
    return isOverdue(action, new Date());
  }
}
