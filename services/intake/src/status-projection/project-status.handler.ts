import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';
import type { EntityManager } from 'typeorm';
import { SlaPauses } from '../pause-sla-clock/sla-pauses.js';
import { lockComplaintIfAny, saveComplaint } from '../persistence/complaint-lock.js';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { ServiceLevelClocks } from '../sla-clocks/service-level-clocks.js';
import { StatusProjection, isResolved } from './status-projection.js';

/** Keeps `Complaint.status` as the projection of the other services' lifecycle events (SPEC §5). */
@Injectable()
export class ProjectStatusHandler {
  private readonly logger = new Logger(ProjectStatusHandler.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projection: StatusProjection,
    private readonly clocks: ServiceLevelClocks,
    private readonly pauses: SlaPauses,
  ) {}

  async execute(event: EventEnvelope): Promise<void> {
    if (!event.complaintId) return;
    const cycle = (event.data as { cycle?: number }).cycle ?? 0;
    await this.transactions.run(async (db) => {
      const complaint = await lockComplaintIfAny(db, event.complaintId!);
      if (!complaint) {
        this.logger.warn(`${event.type} ${event.id} names unknown complaint ${event.complaintId}`);
        return;
      }
      const occurredAt = new Date(event.occurredAt);
      const change = await this.projection.apply(db, complaint, { id: event.id, type: event.type, cycle, occurredAt });
      if (!change.changed) return;
      await this.followWithClocks(db, complaint, occurredAt);
      await saveComplaint(db, complaint);
    });
  }

  /** Resolved: the resolution clock is met. Closed: nothing runs any more, and an open pause ends. */
  private async followWithClocks(db: EntityManager, complaint: ComplaintEntity, at: Date): Promise<void> {
    if (complaint.status === 'CLOSED') {
      await this.clocks.stopAll(db, complaint, at);
      await this.pauses.close(db, complaint, { by: null, reason: 'closed', at });
    } else if (isResolved(complaint.status)) {
      await this.clocks.meetResolution(db, complaint, at);
    }
  }
}
