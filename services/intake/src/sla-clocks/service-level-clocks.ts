import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import type { Severity, SlaClock } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import { pause, rebudget, resume, startClock, stop, type SlaClockRecord } from '../domain/sla-clock.js';
import { SlaClockScheduler } from '../jobs/sla-clock-scheduler.js';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { SlaClockEntity } from '../persistence/sla-clock.entity.js';

const HOUR_MS = 3_600_000;
type Change = (clock: SlaClockRecord) => SlaClockRecord | null;

/**
 * The acknowledgement and resolution clocks of a complaint, changed inside the caller's transaction on
 * the complaint it has locked: the rows are saved, the complaint's due dates follow them, and the timers
 * are re-armed after commit (never for a change that rolled back).
 */
@Injectable()
export class ServiceLevelClocks {
  private readonly logger = new Logger(ServiceLevelClocks.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scheduler: SlaClockScheduler,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {}

  /** At receipt: the acknowledgement clock and the resolution clock of the severity (MEDIUM until known). */
  async start(db: EntityManager, complaint: ComplaintEntity): Promise<void> {
    await this.save(db, complaint, [
      startClock('ACKNOWLEDGEMENT', complaint.cycle, complaint.receivedAt, this.config.slaAckHours * HOUR_MS),
      startClock('RESOLUTION', complaint.cycle, complaint.receivedAt, this.resolutionBudget(complaint.severity)),
    ], []);
  }

  meetAcknowledgement(db: EntityManager, complaint: ComplaintEntity, at: Date): Promise<void> {
    return this.change(db, complaint, ['ACKNOWLEDGEMENT'], (clock) => stop(clock, at, 'MET'));
  }

  /** After assessment: the resolution clock takes the length of the (new) severity from its same start. */
  followSeverity(db: EntityManager, complaint: ComplaintEntity): Promise<void> {
    return this.change(db, complaint, ['RESOLUTION'], (clock) => rebudget(clock, this.resolutionBudget(complaint.severity)));
  }

  meetResolution(db: EntityManager, complaint: ComplaintEntity, at: Date): Promise<void> {
    return this.change(db, complaint, ['RESOLUTION'], (clock) => stop(clock, at, 'MET'));
  }

  /** Closing ends whatever still runs: an acknowledgement that never went out no longer has a goal. */
  stopAll(db: EntityManager, complaint: ComplaintEntity, at: Date): Promise<void> {
    return this.change(db, complaint, ['ACKNOWLEDGEMENT', 'RESOLUTION'], (clock) => stop(clock, at, clock.clock === 'RESOLUTION' ? 'MET' : 'STOPPED'));
  }

  /** A reopened complaint gets a fresh resolution clock from `at`, in its new cycle. */
  async restartResolution(db: EntityManager, complaint: ComplaintEntity, at: Date): Promise<void> {
    const [old] = await this.load(db, complaint.id, ['RESOLUTION']);
    const fresh = startClock('RESOLUTION', complaint.cycle, at, this.resolutionBudget(complaint.severity), (old?.version ?? -1) + 1);
    await this.save(db, complaint, [fresh], old ? [old] : []);
  }

  /** The clocks that were running, now paused (empty when none ran). */
  async pauseAll(db: EntityManager, complaint: ComplaintEntity, at: Date): Promise<SlaClockRecord[]> {
    const before = await this.load(db, complaint.id, ['ACKNOWLEDGEMENT', 'RESOLUTION']);
    const paused = before.map((clock) => pause(clock, at)).filter((clock): clock is SlaClockRecord => clock !== null);
    await this.save(db, complaint, paused, before);
    return paused;
  }

  resumeAll(db: EntityManager, complaint: ComplaintEntity, at: Date): Promise<void> {
    return this.change(db, complaint, ['ACKNOWLEDGEMENT', 'RESOLUTION'], (clock) => resume(clock, at));
  }

  load(db: EntityManager, complaintId: string, clocks: SlaClock[]): Promise<SlaClockEntity[]> {
    return db.find(SlaClockEntity, { where: clocks.map((clock) => ({ complaintId, clock })) });
  }

  private async change(db: EntityManager, complaint: ComplaintEntity, clocks: SlaClock[], change: Change): Promise<void> {
    const before = await this.load(db, complaint.id, clocks);
    const after = before.map(change).filter((clock): clock is SlaClockRecord => clock !== null);
    await this.save(db, complaint, after, before);
  }

  private async save(db: EntityManager, complaint: ComplaintEntity, changed: SlaClockRecord[], before: SlaClockEntity[]): Promise<void> {
    if (!changed.length) return;
    const rows = changed.map((clock) => SlaClockEntity.of(complaint.id, clock));
    // One INSERT … ON CONFLICT for all rows: save() would first read each row back to tell insert from update.
    await db.upsert(SlaClockEntity, rows, ['complaintId', 'clock']);
    for (const row of rows) {
      if (row.clock === 'ACKNOWLEDGEMENT') complaint.acknowledgementDueAt = row.dueAt;
      else complaint.resolutionDueAt = row.dueAt;
    }
    const outdated = before.filter((old) => rows.some((row) => row.clock === old.clock && row.version !== old.version));
    this.transactions.afterCommit(() => void this.rearm(rows, outdated));
  }

  private async rearm(rows: SlaClockEntity[], outdated: SlaClockEntity[]): Promise<void> {
    try {
      for (const old of outdated) await this.scheduler.disarm(old.complaintId, old.clock, old.version);
      await this.scheduler.arm(rows);
    } catch (error) {
      // The reconciler re-arms from the rows; an overdue alarm is found by its sweep.
      this.logger.warn(`could not arm SLA timers of ${rows[0]?.complaintId}: ${(error as Error).message}`);
    }
  }

  private resolutionBudget(severity: Severity | null): number {
    return this.config.slaResolutionHours[severity ?? 'MEDIUM'] * HOUR_MS;
  }
}
