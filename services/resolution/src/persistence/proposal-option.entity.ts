import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { RemedyType } from '@redress/contracts';

/** PostgreSQL returns `numeric` as a string (to keep its precision); GraphQL's `amount` is a Float. */
const amountAsNumber: ValueTransformer = {
  to: (amount: number | null) => amount,
  from: (stored: string | null) => (stored === null ? null : Number(stored)),
};

/** One remedy offered in a proposal; `amount` and `currency` (ISO 4217) come together or not at all. */
@Entity('proposal_options')
export class ProposalOptionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'proposal_id' }) proposalId!: string;
  /** The order the options were offered in. */
  @Column('int') position!: number;
  @Column('text') type!: RemedyType;
  @Column('text') description!: string;
  @Column('numeric', { nullable: true, transformer: amountAsNumber }) amount!: number | null;
  @Column('text', { nullable: true }) currency!: string | null;
}
