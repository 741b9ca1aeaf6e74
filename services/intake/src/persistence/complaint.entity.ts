import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Category, Channel, ComplaintStatus, Priority, Severity } from '@redress/contracts';

@Entity('complaints')
export class ComplaintEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { unique: true }) reference!: string;
  @Column('text') channel!: Channel;
  @Column('text') subject!: string;
  @Column('text') description!: string;
  @Column('text', { name: 'desired_outcome', nullable: true }) desiredOutcome!: string | null;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('text', { nullable: true }) category!: Category | null;
  @Column('text', { nullable: true }) severity!: Severity | null;
  @Column('text', { nullable: true }) priority!: Priority | null;
  @Column('text') status!: ComplaintStatus;
  @Column('boolean', { default: false }) escalated!: boolean;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt!: Date | null;
  @Column('timestamptz', { name: 'acknowledgement_due_at' }) acknowledgementDueAt!: Date;
  @Column('timestamptz', { name: 'resolution_due_at' }) resolutionDueAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('uuid', { name: 'possible_duplicate_of_id', nullable: true }) possibleDuplicateOfId!: string | null;
  /** The lifecycle projection's progress (SPEC §5): the greatest (cycle, stage) applied. */
  @Column('int', { default: 0 }) cycle!: number;
  @Column('int', { default: 0 }) stage!: number;
  @Column('timestamptz', { name: 'stage_at' }) stageAt!: Date;
  @Column('text', { name: 'submitted_by', nullable: true }) submittedBy!: string | null;
  @Column('text', { nullable: true }) impact!: Severity | null;
  @Column('text', { nullable: true }) urgency!: Severity | null;
  @Column('timestamptz', { name: 'assessed_at', nullable: true }) assessedAt!: Date | null;
  @Column('text', { name: 'assessed_by', nullable: true }) assessedBy!: string | null;
  @Column('timestamptz', { name: 'escalated_at', nullable: true }) escalatedAt!: Date | null;
  /** Set while staff have paused the SLA clocks (waiting on the customer). */
  @Column('timestamptz', { name: 'sla_paused_at', nullable: true }) slaPausedAt!: Date | null;
  /** What auto-triage suggested at intake, and the cues behind it. */
  @Column('text', { name: 'suggested_category', nullable: true }) suggestedCategory!: Category | null;
  @Column('text', { name: 'suggested_severity', nullable: true }) suggestedSeverity!: Severity | null;
  @Column('text', { name: 'triage_reasons', array: true, default: () => "'{}'" }) triageReasons!: string[];
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
