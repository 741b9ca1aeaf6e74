import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { StatusProjection } from './status-projection.js';

/** Keeps `Complaint.status` as the projection of the other services' lifecycle events (SPEC §5). */
@Injectable()
export class ProjectStatusHandler {
  private readonly logger = new Logger(ProjectStatusHandler.name);

  constructor(private readonly transactions: TransactionRunner, private readonly projection: StatusProjection) {}

  async execute(event: EventEnvelope): Promise<void> {
    if (!event.complaintId) return;
    const cycle = (event.data as { cycle?: number }).cycle ?? 0;
    await this.transactions.run(async (db) => {
      const complaint = await db.findOne(ComplaintEntity, { where: { id: event.complaintId! }, lock: { mode: 'pessimistic_write' } });
      if (!complaint) {
        this.logger.warn(`${event.type} ${event.id} names unknown complaint ${event.complaintId}`);
        return;
      }
      const change = await this.projection.apply(db, complaint, { id: event.id, type: event.type, cycle, occurredAt: new Date(event.occurredAt) });
      if (change.changed) await db.save(complaint);
    });
  }
}
