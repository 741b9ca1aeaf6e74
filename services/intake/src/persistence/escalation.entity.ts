import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EscalationCause } from '@redress/contracts';

/** At most one escalation per complaint and cycle: manual, SLA breach or safety, whichever came first. */
@Entity('escalations')
export class EscalationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  @Column('int') cycle!: number;
  @Column('text') cause!: EscalationCause;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { name: 'escalated_by', nullable: true }) escalatedBy!: string | null;
  @Column('timestamptz', { name: 'escalated_at' }) escalatedAt!: Date;
}
