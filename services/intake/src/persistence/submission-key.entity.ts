import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `idempotencyKey` + customer email → the complaint it created, for 24 hours. */
@Entity('submission_keys')
export class SubmissionKeyEntity {
  @PrimaryColumn('text') email!: string;
  @PrimaryColumn('text') key!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
