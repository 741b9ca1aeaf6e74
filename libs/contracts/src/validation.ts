import type { EventEnvelope } from './envelope.js';
import { EVENT_SCHEMAS, type EventType } from './events.js';
import { s, validate } from './schema.js';

const envelopeSchema = s.object(
  { id: s.uuid(), type: s.string(), version: s.integer(1), occurredAt: s.dateTime(), correlationId: s.string() },
  { complaintId: s.uuid(), reference: s.string(), actor: s.object({ id: s.string(), role: s.string() }) },
);

export type EnvelopeCheck =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: 'malformed' | 'unknown-type' | 'unknown-version'; problems: string[] };

/** Checks what a consumer received: the envelope, a known type and version, and its `data`. */
export function checkEnvelope(body: unknown): EnvelopeCheck {
  const problems = validate(envelopeSchema, body, 'envelope');
  if (problems.length) return { ok: false, reason: 'malformed', problems };
  const candidate = body as EventEnvelope & { data: unknown };
  const versions = EVENT_SCHEMAS[candidate.type as EventType];
  if (!versions) return { ok: false, reason: 'unknown-type', problems: [`envelope.type: unknown type ${candidate.type}`] };
  const schema = versions[candidate.version];
  if (!schema) return { ok: false, reason: 'unknown-version', problems: [`envelope.version: ${candidate.type} has no version ${candidate.version}`] };
  const dataProblems = validate(schema, candidate.data, 'data');
  if (dataProblems.length) return { ok: false, reason: 'malformed', problems: dataProblems };
  return { ok: true, envelope: candidate };
}
