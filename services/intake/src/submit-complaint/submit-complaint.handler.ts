import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import type { EventActor } from '@redress/contracts';
import { EventPublisher } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { formatReference } from '../domain/complaint-reference.js';
import { dueDates, suggestTriage } from '../domain/service-levels.js';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { CustomerEntity } from '../persistence/customer.entity.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { findPossibleDuplicate } from './possible-duplicate.js';
import type { Submission } from './submission.js';

const IDEMPOTENCY_WINDOW = `interval '24 hours'`;

/** Step 1 of the process: record the complaint, give it a reference, announce `complaint.received`. */
@Injectable()
export class SubmitComplaintHandler {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: EventPublisher,
    private readonly clocks: ServiceLevelClocks,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {}

  execute(submission: Submission, actor: EventActor | null): Promise<ComplaintEntity> {
    return this.transactions.run(async (db) => {
      const customer = await this.upsertCustomer(db, submission.customer, actor !== null);
      const complaintId = randomUUID();
      if (submission.idempotencyKey) {
        const existingId = await this.claimKey(db, submission.customer.email, submission.idempotencyKey, complaintId);
        if (existingId) return db.findOneByOrFail(ComplaintEntity, { id: existingId });
      }
      const complaint = await this.record(db, complaintId, submission, customer.id, actor);
      await this.clocks.start(db, complaint);
      await this.events.publish({
        type: 'complaint.received',
        complaintId: complaint.id,
        reference: complaint.reference,
        actor,
        data: {
          cycle: 0,
          channel: complaint.channel,
          category: complaint.category,
          severity: complaint.severity,
          priority: complaint.priority,
          customerId: customer.id,
          receivedAt: complaint.receivedAt.toISOString(),
          acknowledgementDueAt: complaint.acknowledgementDueAt.toISOString(),
          resolutionDueAt: complaint.resolutionDueAt.toISOString(),
          possibleDuplicateOfId: complaint.possibleDuplicateOfId,
        },
      });
      return complaint;
    });
  }

  /**
   * Customers are one per email. Staff submissions update the name and phone on file; an anonymous web
   * form only adds a missing phone, so nobody can rename the customer of an email they do not own.
   */
  private async upsertCustomer(db: EntityManager, customer: Submission['customer'], byStaff: boolean): Promise<CustomerEntity> {
    const update = byStaff
      ? 'name = EXCLUDED.name, phone = COALESCE(EXCLUDED.phone, customers.phone)'
      : 'phone = COALESCE(customers.phone, EXCLUDED.phone)';
    const [row] = await db.query(
      `INSERT INTO customers (id, name, email, phone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO UPDATE SET ${update}, updated_at = now()
       RETURNING id`,
      [randomUUID(), customer.name, customer.email, customer.phone],
    );
    return { id: row.id } as CustomerEntity;
  }

  /** Returns the complaint an earlier submission with this key made within 24 h, or claims the key. */
  private async claimKey(db: EntityManager, email: string, key: string, complaintId: string): Promise<string | null> {
    const claimed = await db.query(
      `INSERT INTO submission_keys (email, key, complaint_id, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (email, key) DO UPDATE SET complaint_id = EXCLUDED.complaint_id, created_at = now()
         WHERE submission_keys.created_at < now() - ${IDEMPOTENCY_WINDOW}
       RETURNING complaint_id`,
      [email, key, complaintId],
    );
    if (claimed.length) return null;
    const [existing] = await db.query(`SELECT complaint_id FROM submission_keys WHERE email = $1 AND key = $2`, [email, key]);
    return existing.complaint_id;
  }

  private async record(db: EntityManager, id: string, submission: Submission, customerId: string, actor: EventActor | null): Promise<ComplaintEntity> {
    const [{ now, seq }] = await db.query(`SELECT now() AS now, nextval('complaint_reference_seq')::bigint AS seq`);
    const receivedAt = new Date(now);
    const triage = suggestTriage(submission.category, submission.severity);
    const complaint = db.create(ComplaintEntity, {
      id,
      reference: formatReference(receivedAt, Number(seq)),
      channel: submission.channel,
      subject: submission.subject,
      description: submission.description,
      desiredOutcome: submission.desiredOutcome,
      customerId,
      category: submission.category,
      severity: triage.severity,
      priority: triage.priority,
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
    });
    await db.insert(ComplaintEntity, complaint);
    return complaint;
  }
}
