import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { assertMayWorkOn, type InvestigationWorker } from '../domain/investigation-access.js';
import { assertOpen } from '../domain/investigation-rules.js';
import { InvestigationNoteEntity } from '../persistence/investigation-note.entity.js';
import { lockInvestigation } from '../persistence/investigation-lock.js';
import type { AddInvestigationNote } from './investigation-note.command.js';

/**
 * Records a note, interview, piece of evidence or department query. `investigation.note_added`
 * carries the kind and the department (so that department can react), never the text.
 */
@Injectable()
export class AddInvestigationNoteHandler {
  constructor(private readonly transactions: TransactionRunner, private readonly events: EventPublisher) {}

  execute(command: AddInvestigationNote, worker: InvestigationWorker, actor: EventActor): Promise<InvestigationNoteEntity> {
    return this.transactions.run(async (db) => {
      const { investigation, complaint } = await lockInvestigation(db, command.investigationId);
      assertMayWorkOn(investigation, worker);
      assertOpen(investigation, 'add a note');
      const note = db.create(InvestigationNoteEntity, {
        id: randomUUID(), investigationId: investigation.id, kind: command.kind, body: command.body,
        department: command.department, authorId: actor.id, createdAt: new Date(),
      });
      await db.insert(InvestigationNoteEntity, note);
      await this.events.publish({
        type: 'investigation.note_added',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: { cycle: investigation.cycle, investigationId: investigation.id, noteId: note.id, kind: note.kind, department: note.department },
      });
      return note;
    });
  }
}
