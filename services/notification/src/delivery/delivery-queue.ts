import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobQueues } from '@redress/jobs';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../config/notification-settings.js';
import { CAPPED_BACKOFF } from '../domain/retry-backoff.js';

export const DELIVERY_QUEUE = 'notification-delivery';

export interface DeliveryJob {
  notificationId: string;
  correlationId: string;
  /** Set once the SMTP server accepted the message, so a retry only records it instead of sending again. */
  accepted?: boolean;
}

/** Enqueues a stored notification for delivery; the notification id is the job id, so a repeat is a no-op. */
@Injectable()
export class DeliveryQueue {
  readonly queue: Queue;

  constructor(jobs: JobQueues, @Inject(NOTIFICATION_SETTINGS) settings: NotificationSettings) {
    this.queue = jobs.queue(DELIVERY_QUEUE, {
      attempts: settings.emailAttempts,
      backoff: { type: CAPPED_BACKOFF },
      removeOnComplete: true,
      removeOnFail: 10_000,
    });
  }

  async enqueue(notificationId: string, correlationId: string): Promise<void> {
    await this.queue.add('deliver', { notificationId, correlationId } satisfies DeliveryJob, { jobId: notificationId });
  }
}
