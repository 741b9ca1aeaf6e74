import { graphqlEnumSdl } from '@redress/contracts';

// The investigation subgraph's SDL (SPEC §4).
export const investigationTypeDefs = /* GraphQL */ `
  ${graphqlEnumSdl('Category', 'InvestigationStatus', 'NoteKind', 'RootCauseCategory')}

  type Investigation {
    id: ID!
    complaintId: ID!
    assigneeId: ID
    status: InvestigationStatus!
    notes: [InvestigationNote!]!
    findings: String
    rootCause: RootCause
    startedAt: DateTime!
    completedAt: DateTime
  }

  type InvestigationNote {
    id: ID!
    kind: NoteKind!
    body: String!
    department: String
    authorId: ID!
    createdAt: DateTime!
  }

  type RootCause {
    category: RootCauseCategory!
    summary: String!
  }

  type Investigator {
    id: ID!
    name: String!
    email: String!
    categories: [Category!]!
    capacity: Int!
    active: Boolean!
    openInvestigations: Int!
  }

  input InvestigatorInput {
    id: ID!
    name: String!
    email: String!
    categories: [Category!]!
    capacity: Int!
    active: Boolean = true
  }

  input RootCauseInput {
    category: RootCauseCategory!
    summary: String!
  }

  type Complaint @key(fields: "id") {
    id: ID!
    "the latest one"
    investigation: Investigation
  }

  type Query {
    investigators: [Investigator!]!
    investigation(id: ID!): Investigation
    "the caller's own investigations (assigned to their staff id), newest first"
    myInvestigations(status: InvestigationStatus): [Investigation!]!
  }

  type Mutation {
    upsertInvestigator(input: InvestigatorInput!): Investigator!
    "assignee: an active investigator; none → routed by category and load"
    startInvestigation(complaintId: ID!, assigneeId: ID): Investigation!
    "hands an OPEN investigation (assigned or not) to another active investigator"
    reassignInvestigation(investigationId: ID!, assigneeId: ID!): Investigation!
    addInvestigationNote(investigationId: ID!, kind: NoteKind!, body: String!, department: String): InvestigationNote!
    completeInvestigation(investigationId: ID!, findings: String!, rootCause: RootCauseInput!): Investigation!
  }
`;
