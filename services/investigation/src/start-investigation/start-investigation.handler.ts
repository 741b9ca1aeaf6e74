import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { lockComplaintCopy } from '../complaint-state/complaint-copy.js';
import { ComplaintStateReader } from '../complaint-state/complaint-state.reader.js';
import { assertInvestigationMayStart } from '../domain/investigation-rules.js';
import { InvestigationEntity } from '../persistence/investigation.entity.js';
import { InvestigatorRoster } from '../roster/investigator-roster.js';
import { routeInvestigation } from './investigation-routing.js';

export interface StartInvestigation {
  complaintId: string;
  /** An active investigator chosen by the caller; null routes by category and load. */
  assigneeId: string | null;
}

/**
 * Step 4 of the process: open an investigation of the complaint and announce `investigation.started`.
 * Without an assignee it goes to the least-loaded active investigator with the complaint's category
 * (an uncategorised complaint counts as OTHER); with nobody available it starts unassigned.
 */
@Injectable()
export class StartInvestigationHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly complaintState: ComplaintStateReader,
    private readonly roster: InvestigatorRoster,
  ) {}

  async execute(command: StartInvestigation, actor: EventActor): Promise<InvestigationEntity> {
    if (command.assigneeId) await this.roster.requireActive(command.assigneeId, 'assigneeId');
    const state = await this.complaintState.current(command.complaintId);
    return this.transactions.run(async (db) => {
      const complaint = await lockComplaintCopy(db, state);
      const earlier = await db.find(InvestigationEntity, { where: { complaintId: complaint.id }, select: { status: true, cycle: true } });
      assertInvestigationMayStart(state.status, {
        open: earlier.some((i) => i.status === 'OPEN'),
        startedThisCycle: earlier.some((i) => i.cycle === complaint.cycle),
      });
      const assigneeId = command.assigneeId ?? (await routeInvestigation(db, state.category ?? complaint.category ?? 'OTHER'));
      const investigation = db.create(InvestigationEntity, {
        id: randomUUID(), complaintId: complaint.id, cycle: complaint.cycle, assigneeId, status: 'OPEN',
        findings: null, rootCauseCategory: null, rootCauseSummary: null, startedBy: actor.id, startedAt: new Date(), completedAt: null,
      });
      await db.insert(InvestigationEntity, investigation);
      await this.events.publish({
        type: 'investigation.started',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: complaint.cycle, investigationId: investigation.id, assigneeId: investigation.assigneeId },
      });
      return investigation;
    });
  }
}
