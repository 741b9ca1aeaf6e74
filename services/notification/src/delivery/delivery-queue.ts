import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobQueues } from '@redress/jobs';

export const DELIVERY_QUEUE = 'notification-delivery';
export const DELIVERY_ATTEMPTS = 8;

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

  constructor(jobs: JobQueues) {
    this.queue = jobs.queue(DELIVERY_QUEUE, {
      attempts: DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  async enqueue(notificationId: string, correlationId: string): Promise<void> {
    await this.queue.add('deliver', { notificationId, correlationId } satisfies DeliveryJob, { jobId: notificationId });
  }
}
