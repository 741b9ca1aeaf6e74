import { randomUUID } from 'node:crypto';
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';

export interface OperationProbe {
  operation: string;
  kind: 'query' | 'mutation';
  document: string;
  variables: Record<string, unknown>;
}

/**
 * A well-formed call of each Query and Mutation field of a schema, generated from its types: every
 * required argument gets a plausible value (ids are UUIDs nobody stored), the selection is
 * `__typename`. Enough for the access layers to decide; what the operation then does is its business.
 */
export function operationProbes(schema: GraphQLSchema): OperationProbe[] {
  const probes: OperationProbe[] = [];
  for (const kind of ['query', 'mutation'] as const) {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.name.startsWith('_')) continue; // federation's own _service/_entities
      probes.push(probeOf(kind, field));
    }
  }
  return probes;
}

/** The probe of one operation; `alsoPassing` names optional arguments to pass too. */
export function probeOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, alsoPassing: readonly string[] = []): OperationProbe {
  const required = field.args.filter((argument) => isNonNullType(argument.type) || alsoPassing.includes(argument.name));
  const declarations = required.map((argument) => `$${argument.name}: ${argument.type.toString()}`).join(', ');
  const passing = required.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const document = `${kind} Probe${declarations ? `(${declarations})` : ''} { ${field.name}${passing ? `(${passing})` : ''}${selection} }`;
  const variables = Object.fromEntries(required.map((argument) => [argument.name, sampleValue(argument.name, argument.type)]));
  return { operation: field.name, kind, document, variables };
}

/** A value of the type that input validation accepts, chosen by the argument's name where that matters. */
export function sampleValue(name: string, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(name, type.ofType);
  if (isListType(type)) return [sampleValue(name, type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = fields.filter((f) => isNonNullType(f.type));
    // An input of optional fields only (a set of changes) gets its first one, so it is not empty.
    return Object.fromEntries((required.length ? required : fields.slice(0, 1)).map((f) => [f.name, sampleValue(f.name, f.type)]));
  }
  if (isScalarType(type)) return sampleScalar(name, type.name);
  return null;
}

function sampleScalar(name: string, scalar: string): unknown {
  switch (scalar) {
    case 'ID': return randomUUID();
    case 'Int': return 1;
    case 'Float': return 1;
    case 'Boolean': return true;
    case 'DateTime': return name === 'to' ? '2026-02-01T00:00:00Z' : '2026-01-01T00:00:00Z';
    default:
      if (/email/i.test(name)) return 'nobody@example.com';
      if (/currency/i.test(name)) return 'EUR';
      if (/reference/i.test(name)) return 'CMP-2026-999999';
      if (/quarter/i.test(name)) return '2026-Q1';
      if (/locale/i.test(name)) return 'en';
      if (/url/i.test(name)) return 'http://127.0.0.1:9/redress-probe'; // refused at once: no traffic leaves the machine
      if (/eventType/i.test(name)) return 'complaint.received';
      if (/secret/i.test(name)) return 'a-shared-webhook-secret-of-forty-characters';
      return 'Security matrix probe';
  }
}
