import { graphqlEnumSdl } from '@redress/contracts';

// The reporting subgraph's SDL (SPEC §4).
export const reportingTypeDefs = /* GraphQL */ `
  ${graphqlEnumSdl('Category', 'TrendInterval')}

  type TimelineEntry {
    at: DateTime!
    type: String!
    actorId: ID
    summary: String!
  }

  type Count {
    key: String!
    count: Int!
  }

  type TrendPoint {
    periodStart: DateTime!
    received: Int!
    closed: Int!
  }

  type ComplaintMetrics {
    received: Int!
    open: Int!
    closed: Int!
    escalated: Int!
    acknowledgedWithinSlaRate: Float
    resolvedWithinSlaRate: Float
    meanHoursToAcknowledge: Float
    medianHoursToResolve: Float
    averageRating: Float
    reopenRate: Float
    byCategory: [Count!]!
    byChannel: [Count!]!
    bySeverity: [Count!]!
    byStatus: [Count!]!
    topRootCauses: [Count!]!
  }

  type Complaint @key(fields: "id") {
    id: ID!
    "every event about it, oldest first"
    timeline: [TimelineEntry!]
  }

  type Query {
    complaintMetrics(from: DateTime!, to: DateTime!): ComplaintMetrics!
    complaintTrend(interval: TrendInterval!, from: DateTime!, to: DateTime!, category: Category): [TrendPoint!]!
  }
`;
