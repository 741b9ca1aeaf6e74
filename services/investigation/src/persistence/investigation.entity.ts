import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InvestigationStatus, RootCauseCategory } from '@redress/contracts';

/** One investigation of a complaint; at most one per complaint is OPEN (a partial unique index says so). */
@Entity('investigations')
export class InvestigationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  /** The complaint's cycle when the investigation started (SPEC §5), carried by its events. */
  @Column('int') cycle!: number;
  @Column('text', { name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @Column('text') status!: InvestigationStatus;
  @Column('text', { nullable: true }) findings!: string | null;
  @Column('text', { name: 'root_cause_category', nullable: true }) rootCauseCategory!: RootCauseCategory | null;
  @Column('text', { name: 'root_cause_summary', nullable: true }) rootCauseSummary!: string | null;
  @Column('text', { name: 'started_by', nullable: true }) startedBy!: string | null;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
}
