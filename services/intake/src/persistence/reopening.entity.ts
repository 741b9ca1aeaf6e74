import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A manager reopened a resolved or closed complaint: the cycle it started, and why. */
@Entity('reopenings')
export class ReopeningEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  @Column('int') cycle!: number;
  @Column('text') reason!: string;
  @Column('text', { name: 'reopened_by' }) reopenedBy!: string;
  @Column('timestamptz', { name: 'reopened_at' }) reopenedAt!: Date;
}
