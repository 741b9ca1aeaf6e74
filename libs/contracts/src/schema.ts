// A very small schema language: enough to validate event payloads at runtime and to print
// them as JSON Schema for docs/asyncapi.yaml, without a dependency in the contracts library.
export type FieldSchema =
  | { kind: 'string'; format?: 'uuid' | 'date-time' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'integer'; minimum?: number; maximum?: number }
  | { kind: 'number'; minimum?: number }
  | { kind: 'boolean' }
  | { kind: 'array'; items: ObjectSchema }
  | ObjectSchema;

export interface ObjectSchema {
  kind: 'object';
  fields: Record<string, { schema: FieldSchema; optional: boolean }>;
}

export const s = {
  string: (): FieldSchema => ({ kind: 'string' }),
  uuid: (): FieldSchema => ({ kind: 'string', format: 'uuid' }),
  dateTime: (): FieldSchema => ({ kind: 'string', format: 'date-time' }),
  enum: (values: readonly string[]): FieldSchema => ({ kind: 'enum', values }),
  integer: (minimum?: number, maximum?: number): FieldSchema => ({ kind: 'integer', minimum, maximum }),
  number: (minimum?: number): FieldSchema => ({ kind: 'number', minimum }),
  boolean: (): FieldSchema => ({ kind: 'boolean' }),
  array: (items: ObjectSchema): FieldSchema => ({ kind: 'array', items }),
  object: (required: Record<string, FieldSchema>, optional: Record<string, FieldSchema> = {}): ObjectSchema => ({
    kind: 'object',
    fields: {
      ...Object.fromEntries(Object.entries(required).map(([k, schema]) => [k, { schema, optional: false }])),
      ...Object.fromEntries(Object.entries(optional).map(([k, schema]) => [k, { schema, optional: true }])),
    },
  }),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns the problems found, as `path: reason` strings; empty when the value fits. */
export function validate(schema: FieldSchema, value: unknown, path = 'data'): string[] {
  switch (schema.kind) {
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected a string`];
      if (schema.format === 'uuid' && !UUID.test(value)) return [`${path}: expected a UUID`];
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) return [`${path}: expected an ISO-8601 date-time`];
      return [];
    case 'enum':
      return schema.values.includes(value as string) ? [] : [`${path}: expected one of ${schema.values.join(', ')}`];
    case 'integer':
      if (!Number.isInteger(value)) return [`${path}: expected an integer`];
      if (schema.minimum !== undefined && (value as number) < schema.minimum) return [`${path}: below ${schema.minimum}`];
      if (schema.maximum !== undefined && (value as number) > schema.maximum) return [`${path}: above ${schema.maximum}`];
      return [];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return [`${path}: expected a number`];
      return schema.minimum !== undefined && value < schema.minimum ? [`${path}: below ${schema.minimum}`] : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array`];
      return value.flatMap((item, i) => validate(schema.items, item, `${path}[${i}]`));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
      const record = value as Record<string, unknown>;
      return Object.entries(schema.fields).flatMap(([key, field]) => {
        const v = record[key];
        if (v === undefined || v === null) return field.optional ? [] : [`${path}.${key}: required`];
        return validate(field.schema, v, `${path}.${key}`);
      });
    }
  }
}

/** JSON Schema (draft 2020-12 subset) of a field schema, for the AsyncAPI document. */
export function toJsonSchema(schema: FieldSchema): Record<string, unknown> {
  switch (schema.kind) {
    case 'string':
      return schema.format ? { type: 'string', format: schema.format } : { type: 'string' };
    case 'enum':
      return { type: 'string', enum: [...schema.values] };
    case 'integer':
      return { type: 'integer', ...(schema.minimum !== undefined && { minimum: schema.minimum }), ...(schema.maximum !== undefined && { maximum: schema.maximum }) };
    case 'number':
      return { type: 'number', ...(schema.minimum !== undefined && { minimum: schema.minimum }) };
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      return { type: 'array', items: toJsonSchema(schema.items) };
    case 'object':
      return {
        type: 'object',
        required: Object.entries(schema.fields).filter(([, f]) => !f.optional).map(([k]) => k),
        properties: Object.fromEntries(
          Object.entries(schema.fields).map(([k, f]) => [k, f.optional ? { anyOf: [toJsonSchema(f.schema), { type: 'null' }] } : toJsonSchema(f.schema)]),
        ),
      };
  }
}
