import { randomUUID } from 'node:crypto';
import { CURRENT_VERSION, checkEnvelope, type EventEnvelope, type EventType, type NewEvent } from '@redress/contracts';
import { correlation, currentTraceCarrier } from '@redress/observability';
import type { TransactionRunner } from '@redress/persistence';
import { OUTBOX_CHANNEL } from './messaging-schema.js';

// One statement: the row, and a notification PostgreSQL delivers to the relays only if the transaction commits.
const INSERT_OUTBOX = `
  WITH written AS (INSERT INTO outbox (id, type, envelope, trace_context) VALUES ($1, $2, $3, $4) RETURNING id)
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM written`;

/** Publishes events through the outbox: they reach RabbitMQ if, and only if, the current transaction commits. */
export class EventPublisher {
  constructor(private readonly transactions: TransactionRunner) {}

  /**
   * Writes the event to the outbox in the current transaction (throws outside one), filling id, version,
   * occurredAt and correlationId, and keeps the current trace context for the relay. A payload that
   * breaks the contract throws here, before any consumer sees it.
   */
  async publish<T extends EventType>(event: NewEvent<T>): Promise<EventEnvelope<T>> {
    const manager = this.transactions.requireManager();
    const envelope: EventEnvelope<T> = {
      id: randomUUID(),
      type: event.type,
      version: CURRENT_VERSION[event.type],
      occurredAt: (event.occurredAt ?? new Date()).toISOString(),
      complaintId: event.complaintId,
      reference: event.reference,
      correlationId: event.correlationId ?? correlation.idOrNew(),
      actor: event.actor,
      data: event.data,
    };
    const check = checkEnvelope(JSON.parse(JSON.stringify(envelope)));
    if (!check.ok) throw new Error(`Event ${event.type} breaks its contract: ${check.problems.join('; ')}`);
    const traceContext = currentTraceCarrier();
    await manager.query(INSERT_OUTBOX, [envelope.id, envelope.type, JSON.stringify(envelope), traceContext ? JSON.stringify(traceContext) : null]);
    return envelope;
  }
}
