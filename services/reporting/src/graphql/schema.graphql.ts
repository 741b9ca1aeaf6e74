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
    "escalated ÷ received; null when nothing was received"
    escalationRate: Float
    "share of follow-up ratings of 4 or 5 (customer satisfaction); null when none was rated"
    csatScore: Float
    "how many complaints got each rating, keys 1 to 5 (the latest rating of each complaint)"
    ratingDistribution: [Count!]!
    "root causes, most frequent first, with each one's share and the running share"
    rootCausePareto: [ParetoEntry!]!
  }

  type ParetoEntry {
    key: String!
    count: Int!
    share: Float!
    cumulativeShare: Float!
  }

  type Complaint @key(fields: "id") {
    id: ID!
    "every event about it, oldest first"
    timeline: [TimelineEntry!]
  }

  "The result of checking the audit chain over the event store."
  type AuditTrailVerification {
    "true when every sealed event is unchanged, the links follow each other and nothing was slipped in"
    valid: Boolean!
    sealedEvents: Int!
    "events stored but not sealed yet (sealing follows within seconds)"
    unsealedEvents: Int!
    "SHA-256 (hex) of the last link; a later verification proves nothing up to it changed"
    headHash: String!
    "the first problems found (at most 20)"
    problems: [AuditProblem!]!
    verifiedAt: DateTime!
  }

  type AuditProblem {
    sequence: Int
    eventId: ID
    problem: String!
  }

  type Query {
    "walks the whole hash chain over the event store and reports whether anything was altered"
    verifyAuditTrail: AuditTrailVerification!
    complaintMetrics(from: DateTime!, to: DateTime!): ComplaintMetrics!
    complaintTrend(interval: TrendInterval!, from: DateTime!, to: DateTime!, category: Category): [TrendPoint!]!
  }
`;
