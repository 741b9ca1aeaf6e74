import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';
import { SlaPauseEntity } from '../persistence/sla-pause.entity.js';

/** The record of pauses beside the clocks: who stopped them, why, and when they ran again. */
@Injectable()
export class SlaPauses {
  async open(db: EntityManager, complaint: ComplaintEntity, pause: { by: string; reason: string; at: Date }): Promise<void> {
    await db.insert(SlaPauseEntity, {
      id: randomUUID(), complaintId: complaint.id, cycle: complaint.cycle, pausedAt: pause.at, pausedBy: pause.by, reason: pause.reason,
      resumedAt: null, resumedBy: null, resumeReason: null,
    });
    complaint.slaPausedAt = pause.at;
  }

  /** Ends the open pause, if any (`by` null when closing the complaint ended it). */
  async close(db: EntityManager, complaint: ComplaintEntity, resume: { by: string | null; reason: string | null; at: Date }): Promise<void> {
    if (!complaint.slaPausedAt) return;
    await db.update(SlaPauseEntity, { complaintId: complaint.id, resumedAt: IsNull() }, { resumedAt: resume.at, resumedBy: resume.by, resumeReason: resume.reason });
    complaint.slaPausedAt = null;
  }
}
