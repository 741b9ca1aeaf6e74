import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SurveyStatus = 'PENDING' | 'REQUESTED' | 'SKIPPED';

/**
 * The satisfaction survey of one implemented cycle: due FOLLOW_UP_DELAY_HOURS after implementation,
 * then REQUESTED (`followup.requested` published) or SKIPPED (followed up, closed or reopened by then).
 */
@Entity('follow_up_surveys')
export class FollowUpSurveyEntity {
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId!: string;
  @PrimaryColumn('int') cycle!: number;
  @Column('uuid', { name: 'proposal_id' }) proposalId!: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') status!: SurveyStatus;
  /** The implementation's correlation id, so the survey's event and logs join the same story. */
  @Column('text', { name: 'correlation_id' }) correlationId!: string;
  @Column('timestamptz', { name: 'settled_at', nullable: true }) settledAt!: Date | null;
}
