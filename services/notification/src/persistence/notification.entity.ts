import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus, NotificationChannel, NotificationKind } from '@redress/contracts';

/**
 * One message to one recipient. `causeKey` is unique: the same cause (event × kind × recipient) can
 * never produce a second message, however often the event is delivered.
 */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id' }) complaintId!: string;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('text') kind!: NotificationKind;
  @Column('text') channel!: NotificationChannel;
  @Column('text') recipient!: string;
  @Column('text') subject!: string;
  @Column('text') body!: string;
  @Column('text') status!: DeliveryStatus;
  @Column('int', { default: 0 }) attempts!: number;
  @Column('uuid', { name: 'cause_event_id' }) causeEventId!: string;
  @Column('text', { name: 'cause_key', unique: true }) causeKey!: string;
  @Column('text', { name: 'correlation_id' }) correlationId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
}
