import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FollowUpVia } from '@redress/contracts';

/** The customer's satisfaction after the resolution was implemented: once per complaint and cycle. */
@Entity('follow_ups')
export class FollowUpEntity {
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId!: string;
  @PrimaryColumn('int') cycle!: number;
  @Column('boolean') satisfied!: boolean;
  @Column('int') rating!: number;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('text') via!: FollowUpVia;
  @Column('text', { name: 'recorded_by', nullable: true }) recordedBy!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
