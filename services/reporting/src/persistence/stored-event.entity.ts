import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One event exactly as it was published, kept for good: the event store is append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE), so it is the record every report and timeline is built from.
 */
@Entity('event_store')
export class StoredEventEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') type!: string;
  @Column('int') version!: number;
  @Column('uuid', { name: 'complaint_id', nullable: true }) complaintId!: string | null;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('text', { name: 'correlation_id' }) correlationId!: string;
  @Column('text', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole!: string | null;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
