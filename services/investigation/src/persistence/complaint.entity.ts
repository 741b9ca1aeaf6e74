import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Category, Severity } from '@redress/contracts';

/** Investigation's own copy of a complaint it has heard of (from `complaint.received`); intake owns the rest. */
@Entity('complaints')
export class ComplaintEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { unique: true }) reference!: string;
  @Column('int') cycle!: number;
  @Column('text', { nullable: true }) category!: Category | null;
  @Column('text', { nullable: true }) severity!: Severity | null;
  /** Null until complaint.received arrives (an assessment or a reopen may come first). */
  @Column('timestamptz', { name: 'received_at', nullable: true }) receivedAt!: Date | null;
  /** When the assessment this copy holds was made; a late, older complaint.assessed is ignored. */
  @Column('timestamptz', { name: 'assessed_at', nullable: true }) assessedAt!: Date | null;
}
