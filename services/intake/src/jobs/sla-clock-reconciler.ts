import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { REDIS } from '@redress/jobs';
import { TransactionRunner } from '@redress/persistence';
import { SlaClockEntity } from '../persistence/sla-clock.entity.js';
import { SlaClockScheduler } from './sla-clock-scheduler.js';

const SWEEP_INTERVAL_MS = 5_000;
const OVERDUE_GRACE_MS = 2_000;
const BATCH = 1_000;

/**
 * PostgreSQL holds the clocks; Redis only their timers, and here it may lose them (no persistence).
 * At start, and whenever the marker it leaves in Redis has gone (a flush or a restart), every running
 * clock is armed again from the rows — same job ids, so nothing doubles. Every few seconds it also
 * re-adds the timers of alarms that are overdue, for a timer lost any other way.
 */
@Injectable()
export class SlaClockReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaClockReconciler.name);
  private readonly marker: string;
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scheduler: SlaClockScheduler,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(REDRESS_CONFIG) config: RedressConfig,
  ) {
    this.marker = `${config.bullPrefix}:intake-sla-clocks-armed`;
  }

  onApplicationBootstrap(): void {
    void this.tick(true);
    this.timer = setInterval(() => void this.tick(false), SWEEP_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(atStart: boolean): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (atStart || !(await this.redis.exists(this.marker))) await this.armAll();
      else await this.armOverdue();
    } catch (error) {
      this.logger.warn(`SLA clock reconciliation failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Every running clock, in batches. The marker is set first, so a flush during the pass triggers another. */
  async armAll(): Promise<number> {
    await this.redis.set(this.marker, new Date().toISOString());
    let armed = 0;
    let after = { id: '00000000-0000-0000-0000-000000000000', clock: '' };
    for (;;) {
      const rows = await this.transactions.manager
        .createQueryBuilder(SlaClockEntity, 'c')
        .where(`c.state = 'RUNNING' AND (c.complaint_id, c.clock) > (:id, :clock)`, after)
        .orderBy('c.complaint_id').addOrderBy('c.clock')
        .take(BATCH)
        .getMany();
      await this.scheduler.arm(rows);
      armed += rows.length;
      if (rows.length < BATCH) break;
      after = { id: rows.at(-1)!.complaintId, clock: rows.at(-1)!.clock };
    }
    if (armed) this.logger.log({ msg: 'SLA clocks armed from the database', clocks: armed });
    return armed;
  }

  async armOverdue(): Promise<number> {
    const rows = await this.transactions.manager
      .createQueryBuilder(SlaClockEntity, 'c')
      .where(`c.state = 'RUNNING' AND c.next_alarm_at <= now() - make_interval(secs => :grace)`, { grace: OVERDUE_GRACE_MS / 1000 })
      .orderBy('c.next_alarm_at')
      .take(500)
      .getMany();
    await this.scheduler.arm(rows);
    return rows.length;
  }
}
