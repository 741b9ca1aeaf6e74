import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Step 8 of the process: how a cycle of the complaint was closed — summary, lessons learned, override. */
@Entity('closures')
export class ClosureEntity {
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId!: string;
  @PrimaryColumn('int') cycle!: number;
  @Column('text') summary!: string;
  @Column('text', { name: 'lessons_learned', nullable: true }) lessonsLearned!: string | null;
  /** Why a MANAGER closed before the follow-up. */
  @Column('text', { name: 'override_reason', nullable: true }) overrideReason!: string | null;
  @Column('boolean') overridden!: boolean;
  @Column('text', { name: 'closed_by' }) closedBy!: string;
  @Column('timestamptz', { name: 'closed_at' }) closedAt!: Date;
}
