import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { SlaClock } from '@redress/contracts';
import { pendingAlarms, type SlaClockRecord, type SlaClockState } from '../domain/sla-clock.js';

const milliseconds: ValueTransformer = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/** One clock of one complaint; the row decides, the BullMQ timers only wake it. */
@Entity('sla_clocks')
export class SlaClockEntity implements SlaClockRecord {
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId!: string;
  @PrimaryColumn('text') clock!: SlaClock;
  @Column('int') cycle!: number;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('bigint', { name: 'budget_ms', transformer: milliseconds }) budgetMs!: number;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') state!: SlaClockState;
  @Column('timestamptz', { name: 'paused_at', nullable: true }) pausedAt!: Date | null;
  @Column('bigint', { name: 'paused_ms', transformer: milliseconds }) pausedMs!: number;
  @Column('timestamptz', { name: 'at_risk_at', nullable: true }) atRiskAt!: Date | null;
  @Column('timestamptz', { name: 'breached_at', nullable: true }) breachedAt!: Date | null;
  @Column('timestamptz', { name: 'stopped_at', nullable: true }) stoppedAt!: Date | null;
  @Column('int') version!: number;
  /** The earliest alarm still to ring, for the sweeper's index; null when none. */
  @Column('timestamptz', { name: 'next_alarm_at', nullable: true }) nextAlarmAt!: Date | null;

  static of(complaintId: string, record: SlaClockRecord): SlaClockEntity {
    const [next] = pendingAlarms(record);
    return Object.assign(new SlaClockEntity(), record, { complaintId, nextAlarmAt: next?.at ?? null });
  }
}
