import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus, NotificationChannel, NotificationKind } from '@redress/contracts';
import type { Audience } from '../domain/notification-plan.js';

/**
 * One message to one recipient, rendered when its cause arrived. `causeKey` is unique: the same cause
 * (complaint × kind × recipient × cause event) can never produce a second message, however often the
 * event is delivered.
 */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'complaint_id', nullable: true }) complaintId!: string | null;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('text') kind!: NotificationKind;
  @Column('text') channel!: NotificationChannel;
  @Column('text') audience!: Audience;
  /** The customer a customer message is about (erasure, subject access); null for staff messages. */
  @Column('uuid', { name: 'customer_id', nullable: true }) customerId!: string | null;
  @Column('text') recipient!: string;
  @Column('text', { nullable: true }) template!: string | null;
  @Column('text') locale!: string;
  @Column('text') subject!: string;
  @Column('text') body!: string;
  @Column('text', { nullable: true }) html!: string | null;
  /** One-click opt-out of non-essential messages (RFC 8058 List-Unsubscribe). */
  @Column('text', { name: 'unsubscribe_url', nullable: true }) unsubscribeUrl!: string | null;
  @Column('text') status!: DeliveryStatus;
  @Column('int', { default: 0 }) attempts!: number;
  @Column('uuid', { name: 'cause_event_id' }) causeEventId!: string;
  @Column('text', { name: 'cause_key', unique: true }) causeKey!: string;
  @Column('text', { name: 'correlation_id' }) correlationId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
}
