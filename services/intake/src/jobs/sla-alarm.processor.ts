import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobQueues } from '@redress/jobs';
import { correlation } from '@redress/observability';
import { SoundSlaAlarmHandler } from '../sla-clocks/sound-sla-alarm.handler.js';
import { SLA_CLOCK_QUEUE, type SlaAlarmJob } from './sla-clock-scheduler.js';

/** Runs the SLA timers of `intake-sla-clocks`; a failure is retried by BullMQ, then left to the reconciler's sweep. */
@Injectable()
export class SlaAlarmProcessor implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueues, private readonly alarms: SoundSlaAlarmHandler) {}

  onApplicationBootstrap(): void {
    this.jobs.worker(SLA_CLOCK_QUEUE, (job: Job<SlaAlarmJob>) => correlation.run(job.data.correlationId, () => this.alarms.execute(job.data)), { concurrency: 10 });
  }
}
