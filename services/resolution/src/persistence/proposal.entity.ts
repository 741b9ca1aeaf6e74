import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DecidedBy, ProposalStatus } from '@redress/contracts';

/**
 * A resolution proposed to the customer: one or more options (proposal_options), the customer's
 * decision and, once carried out, its implementation. At most one per complaint is PROPOSED.
 */
@Entity('proposals')
export class ProposalEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  /** The complaint's cycle when proposed (SPEC §5), carried by its events. */
  @Column('int') cycle!: number;
  @Column('text') status!: ProposalStatus;
  @Column('uuid', { name: 'chosen_option_id', nullable: true }) chosenOptionId!: string | null;
  @Column('text', { nullable: true }) message!: string | null;
  @Column('text', { name: 'proposed_by', nullable: true }) proposedBy!: string | null;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy!: DecidedBy | null;
  @Column('text', { name: 'decision_comment', nullable: true }) decisionComment!: string | null;
  @Column('timestamptz', { name: 'implemented_at', nullable: true }) implementedAt!: Date | null;
  @Column('text', { name: 'implementation_notes', nullable: true }) implementationNotes!: string | null;
}
