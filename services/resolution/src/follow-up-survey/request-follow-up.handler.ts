import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { surveyOutcome } from '../domain/survey-decision.js';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { FollowUpSurveyEntity } from '../persistence/follow-up-survey.entity.js';

export type SurveyResult = 'REQUESTED' | 'SKIPPED' | 'NOT_DUE' | 'SETTLED';

/**
 * The survey timer fired: the database decides, once — `followup.requested` (notification sends the
 * survey with its feedback link) or nothing, if the cycle no longer waits for a follow-up.
 */
@Injectable()
export class RequestFollowUpHandler {
  private readonly logger = new Logger(RequestFollowUpHandler.name);

  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  execute(complaintId: string, cycle: number, now = new Date()): Promise<SurveyResult> {
    return this.transactions.run(async (db) => {
      const survey = await db.findOne(FollowUpSurveyEntity, { where: { complaintId, cycle }, lock: { mode: 'pessimistic_write' } });
      if (!survey || survey.status !== 'PENDING') return 'SETTLED';
      if (survey.dueAt.getTime() > now.getTime() + 1000) return 'NOT_DUE';
      const complaint = await db.findOneByOrFail(ComplaintEntity, { id: complaintId });
      const [{ followedUp, closed }] = await db.query(
        `SELECT EXISTS (SELECT 1 FROM follow_ups WHERE complaint_id = $1 AND cycle = $2) AS "followedUp",
                EXISTS (SELECT 1 FROM closures WHERE complaint_id = $1 AND cycle = $2) AS closed`,
        [complaintId, cycle],
      );
      const outcome = surveyOutcome({ surveyCycle: cycle, currentCycle: complaint.cycle, followedUp, closed });
      await db.update(FollowUpSurveyEntity, { complaintId, cycle }, { status: outcome, settledAt: now });
      if (outcome === 'REQUESTED') {
        await this.events.publish({ type: 'followup.requested', complaintId, reference: complaint.reference, actor: null, data: { cycle } });
      }
      this.logger.log({ msg: `follow-up survey ${outcome.toLowerCase()}`, complaintId, cycle });
      return outcome;
    });
  }
}
