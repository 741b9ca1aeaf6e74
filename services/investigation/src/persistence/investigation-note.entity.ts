import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NoteKind } from '@redress/contracts';

/** A note, interview, piece of evidence or department query recorded during an investigation. */
@Entity('investigation_notes')
export class InvestigationNoteEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'investigation_id' }) investigationId!: string;
  @Column('text') kind!: NoteKind;
  @Column('text') body!: string;
  @Column('text', { nullable: true }) department!: string | null;
  @Column('text', { name: 'author_id' }) authorId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
