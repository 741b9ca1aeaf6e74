import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { JobQueues } from '@redress/jobs';
import { correlation } from '@redress/observability';
import { TransactionRunner } from '@redress/persistence';
import { pruneExpiredLinks } from '../customer-links/used-links.js';
import { FollowUpSurveyEntity } from '../persistence/follow-up-survey.entity.js';
import { RequestFollowUpHandler } from './request-follow-up.handler.js';

export const SURVEY_QUEUE = 'resolution-follow-up-survey';
const SWEEP_INTERVAL_MS = 30_000;
const OVERDUE_GRACE_SECONDS = 30;

interface SurveyJob {
  complaintId: string;
  cycle: number;
  correlationId: string;
}

/** The job id of a cycle's survey: the same however often it is armed, so BullMQ holds one timer. */
export const surveyJobId = (complaintId: string, cycle: number) => `survey-${complaintId}-${cycle}`;

/**
 * BullMQ delayed jobs for the follow-up surveys. PostgreSQL is the truth: every PENDING survey is
 * re-armed at start (Redis here keeps nothing across a restart), a sweeper re-arms overdue ones whose
 * job was lost or gave up, and the job itself only asks RequestFollowUpHandler to decide.
 */
@Injectable()
export class SurveyTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SurveyTimer.name);
  private readonly queue: Queue<SurveyJob>;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobQueues,
    private readonly transactions: TransactionRunner,
    private readonly requestFollowUp: RequestFollowUpHandler,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {
    this.queue = jobs.queue(SURVEY_QUEUE, { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: true });
  }

  /** When a cycle implemented at `implementedAt` is due for its survey. */
  dueAt(implementedAt: Date): Date {
    return new Date(implementedAt.getTime() + this.config.followUpDelayHours * 3_600_000);
  }

  async arm(survey: Pick<FollowUpSurveyEntity, 'complaintId' | 'cycle' | 'dueAt' | 'correlationId'>): Promise<void> {
    const delay = Math.max(0, survey.dueAt.getTime() - Date.now());
    await this.queue.add('request-follow-up', { complaintId: survey.complaintId, cycle: survey.cycle, correlationId: survey.correlationId }, {
      jobId: surveyJobId(survey.complaintId, survey.cycle), delay,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const worker = this.jobs.worker(SURVEY_QUEUE, (job: Job<SurveyJob>) => correlation.run(job.data.correlationId, () => this.fire(job.data)), { concurrency: 5 });
    worker.on('failed', (job, error) => this.logger.warn(`survey ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
    const armed = await this.rearm('all').catch((error: Error) => this.logger.error(`could not re-arm the surveys: ${error.message}`));
    if (armed) this.logger.log(`re-armed ${armed} pending follow-up surveys`);
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** A job that fires early (NOT_DUE) leaves the survey PENDING; the sweeper arms it again once it is overdue. */
  private async fire(job: SurveyJob): Promise<void> {
    await this.requestFollowUp.execute(job.complaintId, job.cycle);
  }

  /** Re-arms PENDING surveys: all of them at start; the overdue ones (a lost or failed job) when sweeping. */
  async rearm(which: 'all' | 'overdue'): Promise<number> {
    const overdue = which === 'overdue' ? `AND due_at < now() - make_interval(secs => ${OVERDUE_GRACE_SECONDS})` : '';
    const pending: FollowUpSurveyEntity[] = await this.transactions.manager.query(
      `SELECT complaint_id AS "complaintId", cycle, due_at AS "dueAt", correlation_id AS "correlationId"
         FROM follow_up_surveys WHERE status = 'PENDING' ${overdue} ORDER BY due_at`,
    );
    for (const survey of pending) await this.arm(survey);
    return pending.length;
  }

  async sweep(): Promise<void> {
    try {
      await this.rearm('overdue');
      await pruneExpiredLinks(this.transactions.manager);
    } catch (error) {
      this.logger.warn(`survey sweep failed: ${(error as Error).message}`);
    }
  }
}
