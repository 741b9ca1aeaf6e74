import { randomUUID } from 'node:crypto';
import { CURRENT_VERSION, type EventEnvelope, type NewEvent } from '@redress/contracts';

/** A valid `complaint.received`, as intake would publish it (no personal data). */
export function complaintReceived(overrides: Partial<NewEvent<'complaint.received'>> = {}): NewEvent<'complaint.received'> {
  const now = new Date();
  return {
    type: 'complaint.received',
    complaintId: randomUUID(),
    reference: 'CMP-2026-000042',
    actor: null,
    data: {
      cycle: 1,
      channel: 'WEB',
      customerId: randomUUID(),
      receivedAt: now.toISOString(),
      acknowledgementDueAt: new Date(now.getTime() + 24 * 3600_000).toISOString(),
      resolutionDueAt: new Date(now.getTime() + 240 * 3600_000).toISOString(),
    },
    ...overrides,
  };
}

/** The same event as a complete envelope, for publishing straight to the exchange (bypassing the outbox). */
export function receivedEnvelope(correlationId: string = randomUUID()): EventEnvelope<'complaint.received'> {
  const event = complaintReceived();
  return {
    id: randomUUID(),
    type: event.type,
    version: CURRENT_VERSION['complaint.received'],
    occurredAt: new Date().toISOString(),
    complaintId: event.complaintId,
    reference: event.reference,
    correlationId,
    actor: event.actor,
    data: event.data,
  };
}
