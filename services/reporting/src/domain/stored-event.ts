/** An event as the event store holds it, in the shape the read-model rules work on. */
export interface StoredEvent {
  id: string;
  type: string;
  version: number;
  complaintId: string | null;
  reference: string | null;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  data: Record<string, unknown>;
}

/** Events of one complaint, each once, oldest first (ties broken by id so every order gives the same list). */
export function distinctInTimeOrder(events: readonly StoredEvent[]): StoredEvent[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  return [...byId.values()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
