import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobQueues } from '@redress/jobs';
import { correlation } from '@redress/observability';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { WEBHOOK_QUEUE, type WebhookJob } from '../delivery/webhook-queue.js';
import { WebhookOutcomes } from '../delivery/webhook-outcomes.js';
import { WebhookSender } from '../delivery/webhook-sender.js';
import { cappedBackoff } from '../domain/retry-backoff.js';

/**
 * Posts one stored webhook delivery, signed. A failure is retried with capped exponential backoff;
 * after the last attempt, or once the webhook has been switched off, the delivery is FAILED.
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly jobs: JobQueues,
    private readonly outcomes: WebhookOutcomes,
    private readonly sender: WebhookSender,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
  ) {}

  onApplicationBootstrap(): void {
    const worker = this.jobs.worker(WEBHOOK_QUEUE, (job: Job<WebhookJob>) => correlation.run(job.data.correlationId, () => this.deliver(job.data)), {
      concurrency: 20,
      settings: { backoffStrategy: (attemptsMade: number) => cappedBackoff(attemptsMade, this.settings.webhookRetryBaseMs, this.settings.webhookRetryMaxMs) },
    });
    worker.on('failed', (job, error) => {
      if (job && (job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError)) {
        this.outcomes.failed(job.data.deliveryId, error.message).catch((failure: Error) => this.logger.error(`could not record a failed webhook delivery (the sweeper will): ${failure.message}`));
      }
    });
  }

  async deliver(job: WebhookJob): Promise<void> {
    const delivery = await this.outcomes.pending(job.deliveryId);
    if (!delivery) return;
    if (!delivery.active) throw new UnrecoverableError('the webhook is switched off');
    const response = await this.sender.post({ ...delivery, deliveryId: delivery.id });
    const { disabled } = await this.outcomes.record(delivery, response);
    if (response.ok) return;
    if (disabled) throw new UnrecoverableError(`${response.error}; the webhook is now switched off`);
    throw new Error(response.error ?? 'webhook delivery failed');
  }
}
