import { ANONYMOUS, type Identity } from '@redress/auth';
import { Kind, buildSchema, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { accessDenial } from './operation-access.js';
import { selectedFields } from './selected-fields.js';

const schema = buildSchema(`
  type Customer { name: String!  email: String }
  type Complaint { id: ID!  reference: String!  subject: String!  customer: Customer! }
  type ComplaintTracking { reference: String!  status: String! }
  input SubmitInput { subject: String! }
  type Query { complaint(id: ID!): Complaint  trackComplaint(reference: String!, email: String!): ComplaintTracking  invented: String }
  type Mutation { submitComplaint(input: SubmitInput!): Complaint!  reopenComplaint(id: ID!, reason: String!): Complaint! }
`);
const staff = (...roles: Identity['roles']): Identity => ({ sub: 'someone', roles, anonymous: false });

function denialFor(query: string, identity: Identity) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const error = accessDenial(selectedFields(schema, operation, fragments), identity);
  return error && { code: error.extensions.code, message: error.message };
}

describe('accessDenial at the gateway', () => {
  it('lets a customer submit and read back what SPEC §2 allows', () => {
    expect(denialFor('mutation { submitComplaint(input: { subject: "x" }) { __typename id reference } }', ANONYMOUS)).toBeNull();
    expect(denialFor('{ trackComplaint(reference: "CMP", email: "a@b.c") { reference status } }', ANONYMOUS)).toBeNull();
  });

  it('refuses a customer a field they may not read, also inside fragments, before anything is submitted', () => {
    expect(denialFor('mutation { submitComplaint(input: { subject: "x" }) { id subject } }', ANONYMOUS))
      .toEqual({ code: 'UNAUTHENTICATED', message: 'Complaint.subject needs a staff sign-in' });
    expect(denialFor('mutation { submitComplaint(input: { subject: "x" }) { ...F } } fragment F on Complaint { customer { email } }', ANONYMOUS)?.code)
      .toBe('UNAUTHENTICATED');
    expect(denialFor('mutation { submitComplaint(input: { subject: "x" }) { ... on Complaint { subject } } }', ANONYMOUS)?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a staff operation to a customer as UNAUTHENTICATED and to the wrong role as FORBIDDEN', () => {
    expect(denialFor('{ complaint(id: "1") { id } }', ANONYMOUS)?.code).toBe('UNAUTHENTICATED');
    expect(denialFor('mutation { reopenComplaint(id: "1", reason: "r") { id } }', staff('AGENT'))?.code).toBe('FORBIDDEN');
    expect(denialFor('mutation { reopenComplaint(id: "1", reason: "r") { id subject } }', staff('MANAGER'))).toBeNull();
    expect(denialFor('mutation { submitComplaint(input: { subject: "x" }) { id } }', staff('QA'))?.code).toBe('FORBIDDEN');
  });

  it('answers UNAUTHENTICATED before FORBIDDEN when both apply', () => {
    expect(denialFor('mutation { a: submitComplaint(input: { subject: "x" }) { id } b: reopenComplaint(id: "1", reason: "r") { id } }', staff('QA'))?.code)
      .toBe('FORBIDDEN');
    expect(denialFor('mutation { b: reopenComplaint(id: "1", reason: "r") { id } a: submitComplaint(input: { subject: "x" }) { subject } }', ANONYMOUS)?.code)
      .toBe('UNAUTHENTICATED');
  });

  it('leaves operations the table does not list, and introspection, to the subgraphs and Apollo', () => {
    expect(denialFor('{ invented }', staff())).toBeNull();
    expect(denialFor('{ __typename __schema { types { name } } }', ANONYMOUS)).toBeNull();
  });
});
