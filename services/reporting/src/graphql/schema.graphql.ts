import { graphqlEnumSdl } from '@redress/contracts';

// The reporting subgraph's SDL (SPEC §4).
export const reportingTypeDefs = /* GraphQL */ `
  ${graphqlEnumSdl('Category', 'TrendInterval', 'RootCauseCategory')}

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
    "QA's reviews of its closures, oldest first"
    qualityReviews: [QualityReview!]
  }

  enum PerformanceRole {
    "acted on complaints as an AGENT or MANAGER"
    AGENT
    "assigned to or worked on complaints' investigations"
    INVESTIGATOR
  }

  "How one staff member did with the complaints received in the period that they handled."
  type StaffPerformance {
    staffId: ID!
    role: PerformanceRole!
    handled: Int!
    medianHoursToResolve: Float
    "share resolved by the due date, of those resolved or overdue"
    slaMetRate: Float
    averageRating: Float
    "share reopened, of those resolved"
    reopenRate: Float
  }

  type QualityCheck {
    item: String!
    passed: Boolean!
  }

  input QualityCheckInput {
    item: String!
    passed: Boolean!
  }

  "QA's review of how a closed complaint was handled (one per closure)."
  type QualityReview {
    id: ID!
    complaintId: ID!
    "the complaint's cycle whose closure was reviewed (0, then +1 per reopening)"
    cycle: Int!
    reviewerId: ID!
    "0 to 100"
    score: Int!
    checklist: [QualityCheck!]!
    feedback: String
    recordedAt: DateTime!
  }

  enum ImprovementActionStatus {
    OPEN
    IN_PROGRESS
    DONE
    CANCELLED
  }

  type ImprovementAction {
    id: ID!
    title: String!
    description: String
    ownerId: ID!
    dueAt: DateTime!
    status: ImprovementActionStatus!
    "the root cause it addresses"
    rootCause: RootCauseCategory!
    "past its due date and neither DONE nor CANCELLED"
    overdue: Boolean!
    createdBy: ID!
    createdAt: DateTime!
    updatedAt: DateTime!
    completedAt: DateTime
  }

  input ImprovementActionInput {
    title: String!
    description: String
    ownerId: ID!
    dueAt: DateTime!
    rootCause: RootCauseCategory!
  }

  "Only the fields given change. DONE and CANCELLED are final."
  input ImprovementActionChanges {
    title: String
    description: String
    ownerId: ID
    dueAt: DateTime
    rootCause: RootCauseCategory
    status: ImprovementActionStatus
  }

  type ChecklistItemResult {
    item: String!
    passed: Int!
    total: Int!
    passRate: Float!
  }

  type QualityReviewSummary {
    count: Int!
    averageScore: Float
    "each check, most often failed first"
    checklist: [ChecklistItemResult!]!
    "the five lowest-scored reviews"
    lowestScores: [QualityReview!]!
  }

  "What a quarterly review meeting looks at."
  type QuarterlyReview {
    "e.g. 2026-Q4"
    quarter: String!
    from: DateTime!
    to: DateTime!
    "over complaints received in the quarter"
    metrics: ComplaintMetrics!
    "the quarter before, to compare"
    previousQuarter: ComplaintMetrics!
    "received and closed per week"
    trend: [TrendPoint!]!
    staffPerformance: [StaffPerformance!]!
    "reviews recorded in the quarter"
    qualityReviews: QualityReviewSummary!
    "actions open at some point of the quarter"
    improvementActions: [ImprovementAction!]!
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

  enum ReportFormat {
    HTML
    "A4, with vector charts"
    PDF
  }

  "A short-lived signed link to a file (GET it, e.g. in a browser)."
  type Download {
    url: String!
    expiresAt: DateTime!
    filename: String!
    contentType: String!
  }

  type Query {
    "the complaint log of complaints received in [from, to) as CSV, streamed (any number of rows)"
    complaintLogExport(from: DateTime!, to: DateTime!): Download!
    "one complaint's story, remedy and feedback as a document; null for an unknown complaint"
    resolutionReport(complaintId: ID!, format: ReportFormat = HTML): Download
    "qualityReview(quarter) as a document for the review meeting, with charts"
    qualityReviewReport(quarter: String!, format: ReportFormat = HTML): Download!
    "walks the whole hash chain over the event store and reports whether anything was altered"
    verifyAuditTrail: AuditTrailVerification!
    complaintMetrics(from: DateTime!, to: DateTime!): ComplaintMetrics!
    complaintTrend(interval: TrendInterval!, from: DateTime!, to: DateTime!, category: Category): [TrendPoint!]!
    "per agent and investigator, over the complaints received in [from, to) they handled; busiest first"
    staffPerformance(from: DateTime!, to: DateTime!): [StaffPerformance!]!
    "soonest due first"
    improvementActions(status: [ImprovementActionStatus!], rootCause: RootCauseCategory): [ImprovementAction!]!
    "the numbers, reviews and improvement actions of a quarter such as 2026-Q4"
    qualityReview(quarter: String!): QuarterlyReview!
  }

  type Mutation {
    "QA reviews a CLOSED complaint, once per closure"
    recordQualityReview(complaintId: ID!, score: Int!, checklist: [QualityCheckInput!]!, feedback: String): QualityReview!
    createImprovementAction(input: ImprovementActionInput!): ImprovementAction!
    updateImprovementAction(id: ID!, changes: ImprovementActionChanges!): ImprovementAction!
  }
`;
