import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobQueues } from '@redress/jobs';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { CAPPED_BACKOFF } from '../domain/retry-backoff.js';

export const WEBHOOK_QUEUE = 'webhook-delivery';

export interface WebhookJob {
  deliveryId: string;
  correlationId: string;
}

/** One job per stored webhook delivery, the delivery id as job id. */
@Injectable()
export class WebhookQueue {
  readonly queue: Queue;

  constructor(jobs: JobQueues, @Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings) {
    this.queue = jobs.queue(WEBHOOK_QUEUE, {
      attempts: settings.webhookAttempts,
      backoff: { type: CAPPED_BACKOFF },
      removeOnComplete: true,
      removeOnFail: 10_000,
    });
  }

  async enqueue(deliveryId: string, correlationId: string): Promise<void> {
    await this.queue.add('deliver', { deliveryId, correlationId } satisfies WebhookJob, { jobId: deliveryId });
  }
}
