import { Injectable } from '@nestjs/common';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { assertOpen } from '../domain/investigation-rules.js';
import { lockInvestigation } from '../persistence/investigation-lock.js';
import { InvestigationEntity } from '../persistence/investigation.entity.js';
import { InvestigatorRoster } from '../roster/investigator-roster.js';

/** Hands an OPEN investigation (assigned or not) to another active investigator: `investigation.reassigned`. */
@Injectable()
export class ReassignInvestigationHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher, private readonly roster: InvestigatorRoster) {}

  async execute(command: { investigationId: string; assigneeId: string }, actor: EventActor): Promise<InvestigationEntity> {
    await this.roster.requireActive(command.assigneeId, 'assigneeId');
    return this.transactions.run(async (db) => {
      const { investigation, complaint } = await lockInvestigation(db, command.investigationId);
      assertOpen(investigation, 'reassign it');
      if (investigation.assigneeId === command.assigneeId) return investigation;
      investigation.assigneeId = command.assigneeId;
      await db.update(InvestigationEntity, { id: investigation.id }, { assigneeId: command.assigneeId });
      await this.events.publish({
        type: 'investigation.reassigned',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: investigation.cycle, investigationId: investigation.id, assigneeId: command.assigneeId },
      });
      return investigation;
    });
  }
}
