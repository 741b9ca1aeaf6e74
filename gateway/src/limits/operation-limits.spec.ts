import { buildSchema, parse, validate } from 'graphql';
import { operationLimitRules } from './operation-limits.js';

const schema = buildSchema(`
  type Complaint { id: ID!  reference: String!  possibleDuplicateOf: Complaint }
  type Query { complaint(id: ID!): Complaint }
`);
const limits = operationLimitRules({ maxDepth: 4, maxAliases: 3, maxDirectives: 2 });
const errorsOf = (query: string) => validate(schema, parse(query), limits).map((error) => error.message);

describe('operation limits', () => {
  it('accepts an ordinary query', () => {
    expect(errorsOf('{ complaint(id: "1") { id reference possibleDuplicateOf { id } } }')).toEqual([]);
  });

  it('refuses a query nested too deep', () => {
    expect(errorsOf('{ complaint(id: "1") { possibleDuplicateOf { possibleDuplicateOf { possibleDuplicateOf { id } } } } }')).toEqual([
      'The operation is nested 5 levels deep; the limit is 4',
    ]);
  });

  it('sees depth hidden in fragments', () => {
    const query = `
      { complaint(id: "1") { ...Deep } }
      fragment Deep on Complaint { possibleDuplicateOf { ... on Complaint { possibleDuplicateOf { possibleDuplicateOf { id } } } } }`;
    expect(errorsOf(query)).toHaveLength(1);
  });

  it('does not count introspection', () => {
    expect(errorsOf('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }')).toEqual([]);
  });

  it('refuses alias batching beyond the limit', () => {
    expect(errorsOf('{ a: complaint(id: "1") { id } b: complaint(id: "2") { id } c: complaint(id: "3") { id } d: complaint(id: "4") { id } }')).toEqual([
      'The request uses 4 aliases; the limit is 3',
    ]);
  });

  it('refuses more directives than the limit', () => {
    expect(errorsOf('query($a: Boolean!) { complaint(id: "1") { id @include(if: $a) reference @skip(if: $a) } }')).toEqual([]);
    expect(errorsOf('query($a: Boolean!) { complaint(id: "1") @include(if: $a) { id @include(if: $a) reference @skip(if: $a) } }')).toEqual([
      'The request uses 3 directives; the limit is 2',
    ]);
  });
});
