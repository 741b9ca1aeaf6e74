import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface QualityCheck {
  item: string;
  passed: boolean;
}

/** QA's review of how a closed complaint was handled (one per complaint and cycle). */
@Entity('quality_reviews')
export class QualityReviewEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  @Column('int') cycle!: number;
  @Column('text', { name: 'reviewer_id' }) reviewerId!: string;
  @Column('int') score!: number;
  @Column('jsonb') checklist!: QualityCheck[];
  @Column('text', { nullable: true }) feedback!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
