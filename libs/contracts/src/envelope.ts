import type { EventType, EventData } from './events.js';

export interface EventActor {
  id: string;
  /** The role that authorised the action. */
  role: string;
}

/** The body of every message on `complaints.events`: exactly this, no framework wrapper. */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  occurredAt: string;
  complaintId: string | null;
  reference: string | null;
  correlationId: string;
  actor: EventActor | null;
  data: EventData<T>;
}

/** What a producer supplies; the outbox fills id, version, occurredAt and correlationId. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  complaintId: string | null;
  reference: string | null;
  actor: EventActor | null;
  data: EventData<T>;
  /** Defaults to the current correlation id. */
  correlationId?: string;
  /** Defaults to now. */
  occurredAt?: Date;
}

export const EVENTS_EXCHANGE = 'complaints.events';
