import { graphqlEnumSdl } from '@redress/contracts';
import { SLA_CLOCK_STATES } from '../domain/sla-clock.js';

// The intake subgraph's SDL (SPEC §4): it owns Complaint and Customer.
export const intakeTypeDefs = /* GraphQL */ `
  ${graphqlEnumSdl('Channel', 'Category', 'Severity', 'Priority', 'ComplaintStatus', 'EscalationCause', 'SlaClock')}
  enum SlaClockState { ${SLA_CLOCK_STATES.join(' ')} }

  type Complaint @key(fields: "id") {
    id: ID!
    "CMP-<year>-<number, zero-padded to at least 6 digits>, never reused"
    reference: String!
    channel: Channel!
    subject: String!
    description: String!
    desiredOutcome: String
    customer: Customer!
    category: Category
    severity: Severity
    priority: Priority
    status: ComplaintStatus!
    escalated: Boolean!
    receivedAt: DateTime!
    acknowledgedAt: DateTime
    acknowledgementDueAt: DateTime!
    resolutionDueAt: DateTime!
    closedAt: DateTime
    "same customer, similar subject or description within 30 days (never merged)"
    possibleDuplicateOf: Complaint
    "later complaints flagged as possibly repeating this one, oldest first"
    possibleDuplicates: [Complaint!]!
    "0 at receipt, +1 at each reopen (SPEC §5); events of the complaint carry it as data.cycle"
    cycle: Int!
    "what the assessment rated; priority follows from impact × urgency"
    impact: Severity
    urgency: Severity
    assessedAt: DateTime
    assessedBy: ID
    "when it was last escalated"
    escalatedAt: DateTime
    "oldest first; at most one per cycle"
    escalations: [Escalation!]!
    "oldest first"
    reopenings: [Reopening!]!
    "the acknowledgement and resolution clocks (the due dates above follow them)"
    slaClocks: [ServiceLevelClock!]!
    "true while staff have paused the clocks (waiting on the customer)"
    slaPaused: Boolean!
    "oldest first"
    slaPauses: [SlaPause!]!
    "what auto-triage suggested at intake from the words of the complaint, and why"
    triage: TriageSuggestion!
  }

  type TriageSuggestion {
    "null when no cue pointed anywhere"
    category: Category
    severity: Severity
    priority: Priority
    "the cues behind each part, such as: category BILLING (score 8) from charg…, refund…"
    reasons: [String!]!
  }

  type ServiceLevelClock {
    clock: SlaClock!
    cycle: Int!
    state: SlaClockState!
    startedAt: DateTime!
    "start + the configured hours + the time spent paused"
    dueAt: DateTime!
    pausedAt: DateTime
    "when the 80 % warning went out"
    atRiskAt: DateTime
    breachedAt: DateTime
    "when it was met or stopped"
    stoppedAt: DateTime
  }

  type SlaPause {
    pausedAt: DateTime!
    pausedBy: ID!
    reason: String!
    resumedAt: DateTime
    "null when closing the complaint ended the pause"
    resumedBy: ID
    resumeReason: String
  }

  type Escalation {
    cycle: Int!
    cause: EscalationCause!
    "given for MANUAL escalations"
    reason: String
    "the staff id; null when the system escalated (SLA_BREACH, SAFETY at intake)"
    escalatedBy: ID
    escalatedAt: DateTime!
  }

  type Reopening {
    "the cycle the reopen started"
    cycle: Int!
    reason: String!
    reopenedBy: ID!
    reopenedAt: DateTime!
  }

  type Customer {
    id: ID!
    "'Erased customer' once erased"
    name: String!
    "AGENT, MANAGER, ADMIN; null for other roles"
    email: String
    "AGENT, MANAGER, ADMIN; null for other roles"
    phone: String
    "when the personal data was replaced by tombstones (eraseCustomer)"
    erasedAt: DateTime
  }

  "A GDPR subject access export: everything held about one customer, service by service."
  type CustomerDataExport {
    customerId: ID!
    exportedAt: DateTime!
    sections: [CustomerDataSection!]!
    "services that did not answer in time: their part is missing, ask again later"
    unavailable: [String!]!
    "true when every service answered"
    complete: Boolean!
  }

  type CustomerDataSection {
    service: String!
    "a JSON object: record groups by name (customer, complaints, notifications, …), each an array"
    records: String!
  }

  type CustomerErasure {
    customerId: ID!
    erasedAt: DateTime!
    "complaints kept for statistics, their free text erased"
    complaints: Int!
  }

  type ComplaintTracking {
    reference: String!
    status: ComplaintStatus!
    receivedAt: DateTime!
    resolutionDueAt: DateTime!
    lastUpdatedAt: DateTime!
  }

  type ComplaintEdge {
    cursor: String!
    node: Complaint!
  }

  type ComplaintConnection {
    edges: [ComplaintEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input CustomerInput {
    name: String!
    email: String!
    phone: String
  }

  input SubmitComplaintInput {
    channel: Channel!
    customer: CustomerInput!
    subject: String!
    description: String!
    desiredOutcome: String
    category: Category
    severity: Severity
    "same key + same customer email within 24 h → the same complaint"
    idempotencyKey: String
  }

  input AssessComplaintInput {
    category: Category!
    severity: Severity!
    impact: Severity!
    urgency: Severity!
  }

  input ComplaintFilter {
    status: [ComplaintStatus!]
    category: [Category!]
    severity: [Severity!]
    escalated: Boolean
    receivedFrom: DateTime
    receivedTo: DateTime
    search: String
  }

  type Query {
    complaint(id: ID!): Complaint
    complaintByReference(reference: String!): Complaint
    "newest first; first ≤ 100"
    complaints(filter: ComplaintFilter, first: Int = 20, after: String): ComplaintConnection!
    "null unless the pair matches"
    trackComplaint(reference: String!, email: String!): ComplaintTracking
    "MANAGER, ADMIN: GDPR subject access across every service; null for an unknown customer"
    exportCustomerData(customerId: ID!): CustomerDataExport
  }

  type Mutation {
    submitComplaint(input: SubmitComplaintInput!): Complaint!
    assessComplaint(id: ID!, input: AssessComplaintInput!): Complaint!
    escalateComplaint(id: ID!, reason: String!): Complaint!
    reopenComplaint(id: ID!, reason: String!): Complaint!
    "AGENT, MANAGER: stop the running SLA clocks while waiting on the customer"
    pauseSlaClock(id: ID!, reason: String!): Complaint!
    "AGENT, MANAGER: run them again; each due date moves by the time spent paused"
    resumeSlaClock(id: ID!, reason: String): Complaint!
    "ADMIN: GDPR erasure — personal data replaced by tombstones, other services told by customer.erased"
    eraseCustomer(customerId: ID!): CustomerErasure!
  }
`;
