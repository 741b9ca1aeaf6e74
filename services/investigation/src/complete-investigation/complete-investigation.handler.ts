import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { assertMayWorkOn, type InvestigationWorker } from '../domain/investigation-access.js';
import { assertOpen } from '../domain/investigation-rules.js';
import { InvestigationEntity } from '../persistence/investigation.entity.js';
import { lockInvestigation } from '../persistence/investigation-lock.js';
import type { CompleteInvestigation } from './complete-investigation.command.js';

/** Closes the investigation with its findings and root cause: `investigation.completed` (the category only). */
@Injectable()
export class CompleteInvestigationHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  execute(command: CompleteInvestigation, worker: InvestigationWorker, actor: EventActor): Promise<InvestigationEntity> {
    return this.transactions.run(async (db) => {
      const { investigation, complaint } = await lockInvestigation(db, command.investigationId);
      assertMayWorkOn(investigation, worker);
      assertOpen(investigation, 'complete it');
      Object.assign(investigation, {
        status: 'COMPLETED', findings: command.findings, rootCauseCategory: command.rootCause.category,
        rootCauseSummary: command.rootCause.summary, completedAt: new Date(),
      });
      await db.save(InvestigationEntity, investigation);
      await this.events.publish({
        type: 'investigation.completed',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: investigation.cycle, investigationId: investigation.id, rootCauseCategory: command.rootCause.category },
      });
      return investigation;
    });
  }
}
