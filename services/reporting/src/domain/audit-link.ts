import { createHash } from 'node:crypto';

/**
 * A stored event exactly as the database holds it: timestamps as UTC text to the microsecond and
 * `data` as jsonb's own (canonical) text, so the same row always hashes the same.
 */
export interface SealableEvent {
  position: string;
  id: string;
  type: string;
  version: number;
  complaintId: string | null;
  reference: string | null;
  occurredAt: string;
  correlationId: string;
  actorId: string | null;
  actorRole: string | null;
  data: string;
  recordedAt: string;
}

/** The link before the first one. */
export const GENESIS = Buffer.alloc(32);

export function eventHash(event: SealableEvent): Buffer {
  const fields = [
    event.position, event.id, event.type, event.version, event.complaintId, event.reference, event.occurredAt,
    event.correlationId, event.actorId, event.actorRole, event.data, event.recordedAt,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest();
}

/** Each link commits to its event and to every link before it. */
export function chainHash(previous: Buffer, event: Buffer): Buffer {
  return createHash('sha256').update(previous).update(event).digest();
}
