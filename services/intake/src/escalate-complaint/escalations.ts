import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EscalationCause, EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import type { ComplaintEntity } from '../persistence/complaint.entity.js';

export interface EscalationRequest {
  cause: EscalationCause;
  reason: string | null;
  actor: EventActor | null;
  at: Date;
}

/**
 * One escalation per complaint and cycle, whoever asks first (an agent, an SLA breach, a safety
 * finding): the unique row decides, so a breach that fires twice still escalates — and notifies the
 * managers — once. The caller holds the complaint's lock and saves it.
 */
@Injectable()
export class Escalations {
  constructor(private readonly events: EventPublisher) {}

  /** True when this call escalated the complaint; false when this cycle was already escalated. */
  async escalate(db: EntityManager, complaint: ComplaintEntity, request: EscalationRequest): Promise<boolean> {
    const inserted: unknown[] = await db.query(
      `INSERT INTO escalations (id, complaint_id, cycle, cause, reason, escalated_by, escalated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (complaint_id, cycle) DO NOTHING RETURNING id`,
      [randomUUID(), complaint.id, complaint.cycle, request.cause, request.reason, request.actor?.id ?? null, request.at],
    );
    if (!inserted.length) return false;
    complaint.escalated = true;
    complaint.escalatedAt = request.at;
    await this.events.publish({
      type: 'complaint.escalated',
      complaintId: complaint.id,
      reference: complaint.reference,
      actor: request.actor,
      occurredAt: request.at,
      data: { cycle: complaint.cycle, cause: request.cause },
    });
    return true;
  }
}
