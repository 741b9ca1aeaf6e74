import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { formatReference } from '../domain/complaint-reference.js';
import { dueDates } from '../domain/service-levels.js';
import { triageAtIntake } from '../domain/triage/intake-triage.js';
import { Escalations } from '../escalate-complaint/escalations.js';
import { remember, saveComplaint } from '../persistence/complaint-lock.js';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { claimIdempotencyKey, upsertCustomer } from './customer-records.js';
import { findPossibleDuplicate } from './possible-duplicate.js';
import type { Submission } from './submission.js';

/**
 * Step 1 of the process: record the complaint with a reference, its clocks, the triage suggestion and a
 * possible duplicate, announce `complaint.received` — and escalate a safety matter at once.
 */
@Injectable()
export class SubmitComplaintHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly clocks: ServiceLevelClocks,
    private readonly escalations: Escalations,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {}

  execute(submission: Submission, actor: EventActor | null): Promise<ComplaintEntity> {
    return this.transactions.run(async (db) => {
      const customerId = await upsertCustomer(db, submission.customer, actor !== null);
      const complaintId = randomUUID();
      if (submission.idempotencyKey) {
        const existingId = await claimIdempotencyKey(db, submission.customer.email, submission.idempotencyKey, complaintId);
        if (existingId) return db.findOneByOrFail(ComplaintEntity, { id: existingId });
      }
      const { complaint, safety } = await this.record(db, complaintId, submission, customerId, actor);
      await this.clocks.start(db, complaint);
      await this.announce(complaint, actor);
      if (safety) {
        await this.escalations.escalate(db, complaint, { cause: 'SAFETY', reason: null, actor: null, at: complaint.receivedAt });
        await saveComplaint(db, complaint);
      }
      return complaint;
    });
  }

  private async record(db: EntityManager, id: string, submission: Submission, customerId: string, actor: EventActor | null) {
    const [{ now, seq }] = await db.query(`SELECT now() AS now, nextval('complaint_reference_seq')::bigint AS seq`);
    const receivedAt = new Date(now);
    const triage = triageAtIntake(submission);
    const complaint = db.create(ComplaintEntity, {
      id,
      reference: formatReference(receivedAt, Number(seq)),
      channel: submission.channel,
      subject: submission.subject,
      description: submission.description,
      desiredOutcome: submission.desiredOutcome,
      customerId,
      category: triage.category,
      severity: triage.severity,
      priority: triage.priority,
      suggestedCategory: triage.suggestion.category,
      suggestedSeverity: triage.suggestion.severity,
      triageReasons: triage.suggestion.reasons,
      status: 'RECEIVED',
      escalated: false,
      receivedAt,
      ...dueDates(receivedAt, triage.severity, this.config),
      cycle: 0,
      stage: 0,
      stageAt: receivedAt,
      submittedBy: actor?.id ?? null,
      possibleDuplicateOfId: await findPossibleDuplicate(db, { customerId, subject: submission.subject, description: submission.description, receivedAt }),
      acknowledgedAt: null,
      closedAt: null,
      slaPausedAt: null,
    });
    await db.insert(ComplaintEntity, complaint);
    remember(complaint);
    return { complaint, safety: triage.safety };
  }

  private announce(complaint: ComplaintEntity, actor: EventActor | null) {
    return this.events.publish({
      type: 'complaint.received',
      complaintId: complaint.id,
      reference: complaint.reference,
      actor,
      occurredAt: complaint.receivedAt,
      data: {
        cycle: 0,
        channel: complaint.channel,
        category: complaint.category,
        severity: complaint.severity,
        priority: complaint.priority,
        customerId: complaint.customerId,
        receivedAt: complaint.receivedAt.toISOString(),
        acknowledgementDueAt: complaint.acknowledgementDueAt.toISOString(),
        resolutionDueAt: complaint.resolutionDueAt.toISOString(),
        possibleDuplicateOfId: complaint.possibleDuplicateOfId,
      },
    });
  }
}
