// One example envelope per event type and version, made from the contract's own schemas, so the
// catalogue shows subscribers a message that the consumers' validator (checkEnvelope) accepts.
import type { EventEnvelope, EventType, FieldSchema } from '@redress/contracts';

const EXAMPLE_UUID = '8d3f1c2a-4b5e-4f60-9a71-0c2d3e4f5a6b';
const EXAMPLE_TIME = '2026-11-02T09:30:00.000Z';

/** Event types about no single complaint: their envelope carries `complaintId: null`. */
export const COMPLAINT_LESS_TYPES: readonly EventType[] = ['customer.erased', 'complaint.trend_alert'];

export function exampleOf(schema: FieldSchema): unknown {
  switch (schema.kind) {
    case 'string':
      return schema.format === 'uuid' ? EXAMPLE_UUID : schema.format === 'date-time' ? EXAMPLE_TIME : 'EXAMPLE';
    case 'enum':
      return schema.values[0];
    case 'integer':
      return Math.max(schema.minimum ?? 1, 1);
    case 'number':
      return Math.max(schema.minimum ?? 0, 25);
    case 'boolean':
      return true;
    case 'array':
      return [exampleOf(schema.items)];
    case 'object':
      return Object.fromEntries(Object.entries(schema.fields).map(([key, field]) => [key, exampleOf(field.schema)]));
  }
}

export function exampleEnvelope(type: EventType, version: number, data: FieldSchema): EventEnvelope {
  const aboutComplaint = !COMPLAINT_LESS_TYPES.includes(type);
  return {
    id: '0b9e6a8c-1d2f-4a3b-8c4d-5e6f7a8b9c0d',
    type,
    version,
    occurredAt: EXAMPLE_TIME,
    complaintId: aboutComplaint ? EXAMPLE_UUID : null,
    reference: aboutComplaint ? 'CMP-2026-000042' : null,
    correlationId: 'c0ffee00-1234-4abc-9def-001122334455',
    actor: null,
    data: exampleOf(data) as EventEnvelope['data'],
  };
}
