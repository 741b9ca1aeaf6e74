import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import { applyLifecycleEvent } from '../domain/lifecycle.js';
import { ComplaintEntity } from '../persistence/complaint.entity.js';

/** Keeps `Complaint.status` as the projection of the other services' lifecycle events (SPEC §5). */
@Injectable()
export class ProjectStatusHandler {
  private readonly logger = new Logger(ProjectStatusHandler.name);

  constructor(private readonly transactions: TransactionRunner) {}

  async execute(event: EventEnvelope): Promise<void> {
    if (!event.complaintId) return;
    const cycle = (event.data as { cycle?: number }).cycle ?? 0;
    await this.transactions.run(async (db) => {
      const complaint = await db.findOne(ComplaintEntity, { where: { id: event.complaintId! }, lock: { mode: 'pessimistic_write' } });
      if (!complaint) {
        this.logger.warn(`${event.type} ${event.id} names unknown complaint ${event.complaintId}`);
        return;
      }
      const occurredAt = new Date(event.occurredAt);
      const moved = applyLifecycleEvent(complaint, { type: event.type, cycle, occurredAt });
      if (!moved) return;
      Object.assign(complaint, moved);
      if (event.type === 'complaint.closed') complaint.closedAt = occurredAt;
      await db.save(complaint);
    });
  }
}
