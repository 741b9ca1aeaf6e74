import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RootCauseCategory } from '@redress/contracts';
import type { ImprovementActionStatus } from '../domain/improvement-action.js';

/** Something the organisation will change, owned by someone, due by a date, against a root cause. */
@Entity('improvement_actions')
export class ImprovementActionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { name: 'owner_id' }) ownerId!: string;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') status!: ImprovementActionStatus;
  @Column('text', { name: 'root_cause' }) rootCause!: RootCauseCategory;
  @Column('text', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
}
