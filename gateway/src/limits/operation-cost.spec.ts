import { Kind, buildSchema, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIST_SIZE, operationCost } from './operation-cost.js';

const schema = buildSchema(`
  type Note { id: ID!  body: String! }
  type Complaint { id: ID!  reference: String!  notes: [Note!]!  possibleDuplicateOf: Complaint }
  type Edge { cursor: String!  node: Complaint! }
  type Connection { edges: [Edge!]!  totalCount: Int! }
  type Query { complaint(id: ID!): Complaint  complaints(first: Int = 20): Connection! }
`);

function costOf(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return operationCost(schema, operation, fragments, variables);
}

describe('operationCost', () => {
  it('counts each field once, __typename free', () => {
    expect(costOf('{ complaint(id: "1") { __typename id reference } }')).toBe(3);
  });

  it('multiplies the fields under a list by DEFAULT_LIST_SIZE', () => {
    expect(costOf('{ complaint(id: "1") { notes { id body } } }')).toBe(1 + (1 + DEFAULT_LIST_SIZE * 2));
  });

  it("sizes a connection by its first argument (literal, variable or default), not again by its edges", () => {
    expect(costOf('{ complaints(first: 100) { edges { node { id } } } }')).toBe(1 + 100 * (1 + (1 + 1)));
    expect(costOf('query($n: Int) { complaints(first: $n) { edges { node { id } } } }', { n: 5 })).toBe(1 + 5 * 3);
    expect(costOf('{ complaints { totalCount } }')).toBe(1 + 20);
  });

  it('prices a huge page size as what it is', () => {
    expect(costOf('{ complaints(first: 1000000) { edges { node { id } } } }')).toBeGreaterThan(1_000_000);
  });

  it('expands fragments, so a fragment bomb costs what it multiplies to', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Complaint { a: possibleDuplicateOf { ...F${i + 1} } b: possibleDuplicateOf { ...F${i + 1} } }`);
    const query = `{ complaint(id: "1") { ...F0 } } ${levels.join(' ')} fragment F12 on Complaint { id }`;
    const started = Date.now();
    expect(costOf(query)).toBeGreaterThan(2 ** 12);
    expect(Date.now() - started).toBeLessThan(100);
  });
});
