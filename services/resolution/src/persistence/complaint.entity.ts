import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Category, Severity } from '@redress/contracts';

/** Resolution's own copy of a complaint it has heard of (from `complaint.received`); intake owns the rest. */
@Entity('complaints')
export class ComplaintEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { unique: true }) reference!: string;
  @Column('int') cycle!: number;
  @Column('text', { nullable: true }) category!: Category | null;
  @Column('text', { nullable: true }) severity!: Severity | null;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
}
