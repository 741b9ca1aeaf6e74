import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { SlaClock } from '@redress/contracts';
import { JobQueues } from '@redress/jobs';
import { correlation } from '@redress/observability';
import { pendingAlarms, type Alarm, type SlaClockRecord } from '../domain/sla-clock.js';

export const SLA_CLOCK_QUEUE = 'intake-sla-clocks';
const ALARMS: Alarm[] = ['AT_RISK', 'BREACH'];

export interface SlaAlarmJob {
  complaintId: string;
  clock: SlaClock;
  version: number;
  alarm: Alarm;
  correlationId: string;
}

/** `<complaint>-<clock>-<version>-<alarm>`: deterministic (a repeat add is a no-op), versioned (a re-armed clock gets new ids), no ':'. */
export const alarmJobId = (complaintId: string, clock: SlaClock, version: number, alarm: Alarm) => `${complaintId}-${clock}-${version}-${alarm}`;

/**
 * The BullMQ side of the SLA clocks: one delayed job per pending alarm. The database row decides
 * whether an alarm still applies, so a job left over from an older version or a lost job is harmless:
 * the reconciler re-adds what Redis lost.
 */
@Injectable()
export class SlaClockScheduler {
  private readonly logger = new Logger(SlaClockScheduler.name);
  readonly queue: Queue;

  constructor(jobs: JobQueues) {
    this.queue = jobs.queue(SLA_CLOCK_QUEUE, { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true });
  }

  /** Adds the clock's pending alarms; an alarm already due runs at once. */
  async arm(clocks: readonly (SlaClockRecord & { complaintId: string })[], now = Date.now()): Promise<void> {
    const jobs = clocks.flatMap((clock) =>
      pendingAlarms(clock).map(({ alarm, at }) => ({
        name: alarm,
        data: { complaintId: clock.complaintId, clock: clock.clock, version: clock.version, alarm, correlationId: correlation.idOrNew() } satisfies SlaAlarmJob,
        opts: { jobId: alarmJobId(clock.complaintId, clock.clock, clock.version, alarm), delay: Math.max(0, at.getTime() - now) },
      })),
    );
    if (jobs.length) await this.queue.addBulk(jobs);
  }

  /** Removes the alarms of an older version of a clock (a running job is left to find its version outdated). */
  async disarm(complaintId: string, clock: SlaClock, version: number): Promise<void> {
    for (const alarm of ALARMS) {
      await this.queue.remove(alarmJobId(complaintId, clock, version, alarm)).catch((error: Error) => this.logger.debug?.(`kept ${alarm} job: ${error.message}`));
    }
  }
}
