import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobQueues } from '@redress/jobs';
import { correlation } from '@redress/observability';
import { TransactionRunner } from '@redress/persistence';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { DELIVERY_QUEUE, type DeliveryJob } from '../delivery/delivery-queue.js';
import { DeliveryOutcomes } from '../delivery/delivery-outcomes.js';
import { Mailer, isPermanentSmtpFailure } from '../delivery/mailer.js';
import { cappedBackoff } from '../domain/retry-backoff.js';
import { NotificationEntity } from '../persistence/notification.entity.js';

/**
 * Sends one stored notification. The database decides: a message already SENT or FAILED is never
 * sent again; the SMTP acceptance is remembered on the job, so a retry after a database hiccup only
 * records the delivery. An outage is retried with backoff; a 5xx answer fails the message at once.
 */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeliveryProcessor.name);

  constructor(
    private readonly jobs: JobQueues,
    private readonly transactions: TransactionRunner,
    private readonly outcomes: DeliveryOutcomes,
    private readonly mailer: Mailer,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  onApplicationBootstrap(): void {
    const worker = this.jobs.worker(DELIVERY_QUEUE, (job: Job<DeliveryJob>) => correlation.run(job.data.correlationId, () => this.deliver(job)), {
      concurrency: 20,
      settings: { backoffStrategy: (attemptsMade: number) => cappedBackoff(attemptsMade, this.settings.emailRetryBaseMs, this.settings.emailRetryMaxMs) },
    });
    worker.on('failed', (job, error) => {
      if (job && (job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError)) void this.giveUp(job.data, error);
    });
  }

  async deliver(job: Job<DeliveryJob>): Promise<void> {
    const notification = await this.transactions.manager.findOneBy(NotificationEntity, { id: job.data.notificationId });
    if (!notification || notification.status !== 'QUEUED') return;
    if (!job.data.accepted) {
      try {
        await this.mailer.send({
          to: notification.recipient, subject: notification.subject, text: notification.body, html: notification.html,
          messageId: `<${notification.id}@redress>`, unsubscribeUrl: notification.unsubscribeUrl,
        });
      } catch (error) {
        const message = (error as Error).message;
        await this.outcomes.attemptFailed(notification.id, message);
        throw isPermanentSmtpFailure(error) ? new UnrecoverableError(message) : error;
      }
      await job.updateData({ ...job.data, accepted: true });
    }
    await this.outcomes.sent(notification.id);
  }

  private async giveUp(job: DeliveryJob, error: Error): Promise<void> {
    await correlation
      .run(job.correlationId, () => this.outcomes.failed(job.notificationId, error.message))
      .catch((failure: Error) => this.logger.error(`could not record the failure of ${job.notificationId} (the sweeper will): ${failure.message}`));
  }
}

