import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event this service has handled, written in the handler's transaction: a redelivery finds it and is skipped. */
@Entity({ name: 'inbox' })
export class InboxMessage {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ name: 'handled_at', type: 'timestamptz' })
  handledAt!: Date;
}
