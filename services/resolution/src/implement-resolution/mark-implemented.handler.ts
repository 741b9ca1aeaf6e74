import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { correlation } from '@redress/observability';
import { TransactionRunner } from '@redress/persistence';
import { SurveyTimer } from '../follow-up-survey/survey-timer.js';
import { FollowUpSurveyEntity } from '../persistence/follow-up-survey.entity.js';
import { assertImplementable } from '../domain/resolution-lifecycle.js';
import { ProposalEntity } from '../persistence/proposal.entity.js';
import { lockProposal } from '../persistence/proposal-lock.js';

/**
 * Step 6 of the process: the accepted remedy was carried out; `resolution.implemented` makes the
 * complaint RESOLVED, and the cycle's follow-up survey is armed FOLLOW_UP_DELAY_HOURS later.
 */
@Injectable()
export class MarkImplementedHandler {
  private readonly logger = new Logger(MarkImplementedHandler.name);

  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher, private readonly surveys: SurveyTimer) {}

  execute(command: { proposalId: string; notes: string | null }, actor: EventActor): Promise<ProposalEntity> {
    return this.transactions.run(async (db) => {
      const { proposal, options, complaint } = await lockProposal(db, command.proposalId);
      assertImplementable(proposal);
      const chosen = options.find((o) => o.id === proposal.chosenOptionId)!;
      const implementedAt = new Date();
      Object.assign(proposal, { implementedAt, implementationNotes: command.notes });
      await db.save(ProposalEntity, proposal);
      await this.armSurvey(db, proposal, implementedAt);
      await this.events.publish({
        type: 'resolution.implemented',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: proposal.cycle, proposalId: proposal.id, optionId: chosen.id, type: chosen.type, amount: chosen.amount, currency: chosen.currency },
      });
      return proposal;
    });
  }

  private async armSurvey(db: EntityManager, proposal: ProposalEntity, implementedAt: Date): Promise<void> {
    const survey = db.create(FollowUpSurveyEntity, {
      complaintId: proposal.complaintId, cycle: proposal.cycle, proposalId: proposal.id, dueAt: this.surveys.dueAt(implementedAt),
      status: 'PENDING', correlationId: correlation.idOrNew(), settledAt: null,
    });
    await db.insert(FollowUpSurveyEntity, survey);
    this.transactions.afterCommit(() => {
      this.surveys.arm(survey).catch((error: Error) => this.logger.warn(`arming the survey of ${survey.complaintId} failed (${error.message}); the sweeper will`));
    });
  }
}
