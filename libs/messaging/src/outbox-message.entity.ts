import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EventEnvelope } from '@redress/contracts';

/**
 * An event written in the same transaction as the change that caused it; the relay publishes it after
 * commit. Rows are written with SQL by EventPublisher and claimed by OutboxRelay; the entity is for reading.
 */
@Entity({ name: 'outbox' })
export class OutboxMessage {
  /** The envelope id (also the AMQP message_id). */
  @PrimaryColumn('uuid')
  id!: string;

  /** Publication order among pending rows. */
  @Column({ type: 'bigint', insert: false, update: false })
  position!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'jsonb' })
  envelope!: EventEnvelope;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** A relay holds the row until then while it waits for the broker's confirm; after that another may take it. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'publish_attempts', type: 'int', default: 0 })
  publishAttempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** W3C trace context (`traceparent`, `tracestate`) of the work that wrote the row; null when tracing is off. */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext!: Record<string, string> | null;
}
