import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import type { CustomerEntity } from '../persistence/customer.entity.js';
import { EscalationEntity } from '../persistence/escalation.entity.js';
import { ReopeningEntity } from '../persistence/reopening.entity.js';
import { SlaPauseEntity } from '../persistence/sla-pause.entity.js';

/** Everything intake holds about one customer, as plain JSON records grouped by what they are. */
export async function intakeCustomerRecords(db: EntityManager, customer: CustomerEntity): Promise<Record<string, unknown[]>> {
  const complaints = await db.find(ComplaintEntity, { where: { customerId: customer.id }, order: { receivedAt: 'ASC' } });
  const ids = complaints.map((complaint) => complaint.id);
  const byComplaint = { where: { complaintId: In(ids) } };
  const [escalations, reopenings, slaPauses] = ids.length
    ? await Promise.all([db.find(EscalationEntity, byComplaint), db.find(ReopeningEntity, byComplaint), db.find(SlaPauseEntity, byComplaint)])
    : [[], [], []];
  return {
    customer: [{ id: customer.id, name: customer.name, email: customer.email, phone: customer.phone, createdAt: customer.createdAt, erasedAt: customer.erasedAt }],
    complaints: complaints.map((c) => ({
      id: c.id, reference: c.reference, channel: c.channel, subject: c.subject, description: c.description, desiredOutcome: c.desiredOutcome,
      category: c.category, severity: c.severity, priority: c.priority, status: c.status, escalated: c.escalated, cycle: c.cycle,
      receivedAt: c.receivedAt, acknowledgedAt: c.acknowledgedAt, acknowledgementDueAt: c.acknowledgementDueAt, resolutionDueAt: c.resolutionDueAt,
      closedAt: c.closedAt, possibleDuplicateOfId: c.possibleDuplicateOfId, triageReasons: c.triageReasons,
    })),
    escalations: escalations.map(({ complaintId, cycle, cause, reason, escalatedAt }) => ({ complaintId, cycle, cause, reason, escalatedAt })),
    reopenings: reopenings.map(({ complaintId, cycle, reason, reopenedAt }) => ({ complaintId, cycle, reason, reopenedAt })),
    slaPauses: slaPauses.map(({ complaintId, pausedAt, reason, resumedAt, resumeReason }) => ({ complaintId, pausedAt, reason, resumedAt, resumeReason })),
  };
}
