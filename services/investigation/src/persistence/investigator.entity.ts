import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Category } from '@redress/contracts';

/** One member of the investigator roster; `id` is the staff member's token `sub`. */
@Entity('investigators')
export class InvestigatorEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  /** The categories this investigator takes; routing matches a complaint's category against them. */
  @Column('text', { array: true }) categories!: Category[];
  /** How many OPEN investigations they can carry at once. */
  @Column('int') capacity!: number;
  @Column('boolean') active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
