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
  /** Null until complaint.received arrives (a reopen may come first). */
  @Column('timestamptz', { name: 'received_at', nullable: true }) receivedAt!: Date | null;
  /** Whose complaint it is: customer.erased names the customer only. */
  @Column('uuid', { name: 'customer_id', nullable: true }) customerId!: string | null;
}
