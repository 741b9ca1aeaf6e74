import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Staff stopped the clocks while waiting on the customer; the due dates moved by the time until resumedAt. */
@Entity('sla_pauses')
export class SlaPauseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  @Column('int') cycle!: number;
  @Column('timestamptz', { name: 'paused_at' }) pausedAt!: Date;
  @Column('text', { name: 'paused_by' }) pausedBy!: string;
  @Column('text') reason!: string;
  @Column('timestamptz', { name: 'resumed_at', nullable: true }) resumedAt!: Date | null;
  @Column('text', { name: 'resumed_by', nullable: true }) resumedBy!: string | null;
  @Column('text', { name: 'resume_reason', nullable: true }) resumeReason!: string | null;
}
