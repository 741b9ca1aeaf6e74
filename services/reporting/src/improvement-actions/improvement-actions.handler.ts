import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RootCauseCategory } from '@redress/contracts';
import { Conflict, NotFound } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { In } from 'typeorm';
import { canChange, isFinished, type ImprovementActionStatus } from '../domain/improvement-action.js';
import { ImprovementActionEntity } from '../persistence/improvement-action.entity.js';
import type { ImprovementActionChanges, NewImprovementAction } from './improvement-action-input.js';

/** Creating, changing and listing improvement actions. */
@Injectable()
export class ImprovementActionsHandler {
  constructor(private readonly transactions: TransactionRunner) {}

  create(action: NewImprovementAction, createdBy: string): Promise<ImprovementActionEntity> {
    return this.transactions.run(async (db) => {
      const now = new Date();
      const entity = db.create(ImprovementActionEntity, { id: randomUUID(), ...action, status: 'OPEN', createdBy, createdAt: now, updatedAt: now, completedAt: null });
      return db.save(entity);
    });
  }

  /** NOT_FOUND for an unknown id; CONFLICT once it is DONE or CANCELLED. */
  update(id: string, changes: ImprovementActionChanges): Promise<ImprovementActionEntity> {
    return this.transactions.run(async (db) => {
      const action = await db.findOne(ImprovementActionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!action) throw new NotFound('Improvement action', id);
      if (!canChange(action.status)) throw new Conflict(`Improvement action ${id} is ${action.status} and can no longer change`);
      Object.assign(action, changes, { updatedAt: new Date() });
      if (changes.status && isFinished(changes.status)) action.completedAt = action.updatedAt;
      return db.save(action);
    });
  }

  list(filter: { status?: ImprovementActionStatus[] | null; rootCause?: RootCauseCategory | null }): Promise<ImprovementActionEntity[]> {
    return this.transactions.manager.find(ImprovementActionEntity, {
      where: { ...(filter.status?.length && { status: In(filter.status) }), ...(filter.rootCause && { rootCause: filter.rootCause }) },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
  }

  /** Actions that were open at some point of [from, to): created before its end, not finished before its start. */
  activeDuring(from: Date, to: Date): Promise<ImprovementActionEntity[]> {
    return this.transactions.manager
      .createQueryBuilder(ImprovementActionEntity, 'a')
      .where('a.created_at < :to', { to })
      .andWhere('(a.completed_at IS NULL OR a.completed_at >= :from)', { from })
      .orderBy('a.due_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }
}
