import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A customer is identified by email; name and phone follow the latest complaint. */
@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { unique: true }) email!: string;
  @Column('text', { nullable: true }) phone!: string | null;
  /** Set once the customer's personal data was replaced by tombstones (GDPR erasure). */
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
