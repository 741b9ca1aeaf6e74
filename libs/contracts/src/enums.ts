// The one source of the shared enums: event payloads use these values and every subgraph's
// GraphQL enums are generated from them (see graphql-enums.ts), so they cannot drift apart.
export const Channel = ['WEB', 'EMAIL', 'PHONE', 'CHAT', 'SOCIAL_MEDIA', 'LETTER', 'IN_PERSON'] as const;
export const Category = ['SERVICE', 'PRODUCT_DEFECT', 'BILLING', 'DELIVERY', 'STAFF_CONDUCT', 'POLICY', 'PRIVACY', 'SAFETY', 'OTHER'] as const;
export const Severity = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const Priority = ['P1', 'P2', 'P3', 'P4'] as const;
export const ComplaintStatus = [
  'RECEIVED', 'ACKNOWLEDGED', 'ASSESSED', 'INVESTIGATING', 'RESOLUTION_PROPOSED', 'RESOLUTION_ACCEPTED',
  'RESOLUTION_REJECTED', 'RESOLVED', 'FOLLOWED_UP', 'CLOSED', 'REOPENED',
] as const;
export const InvestigationStatus = ['OPEN', 'COMPLETED'] as const;
export const NoteKind = ['NOTE', 'INTERVIEW', 'EVIDENCE', 'DEPARTMENT_QUERY'] as const;
export const RootCauseCategory = ['PROCESS', 'PEOPLE', 'PRODUCT', 'SYSTEM', 'SUPPLIER', 'POLICY', 'COMMUNICATION', 'CUSTOMER_ERROR', 'OTHER'] as const;
export const ProposalStatus = ['PROPOSED', 'ACCEPTED', 'REJECTED'] as const;
export const RemedyType = ['REFUND', 'REPLACEMENT', 'REPAIR', 'DISCOUNT', 'CREDIT', 'APOLOGY', 'SERVICE_RECOVERY', 'OTHER'] as const;
export const NotificationChannel = ['EMAIL', 'WEBHOOK'] as const;
export const NotificationKind = [
  'ACKNOWLEDGEMENT', 'ASSESSMENT', 'ESCALATION', 'ASSIGNMENT', 'RESOLUTION_PROPOSED', 'RESOLUTION_IMPLEMENTED',
  'FOLLOW_UP_SURVEY', 'CLOSURE', 'SLA_AT_RISK', 'SLA_BREACH', 'TREND_ALERT',
] as const;
export const DeliveryStatus = ['QUEUED', 'SENT', 'FAILED'] as const;
export const TrendInterval = ['DAY', 'WEEK', 'MONTH', 'QUARTER'] as const;
export const Role = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const;
export const EscalationCause = ['MANUAL', 'SLA_BREACH', 'SAFETY'] as const;
export const SlaClock = ['ACKNOWLEDGEMENT', 'RESOLUTION'] as const;
export const DecidedBy = ['CUSTOMER', 'STAFF'] as const;
export const FollowUpVia = ['SURVEY', 'STAFF'] as const;

export type Channel = (typeof Channel)[number];
export type Category = (typeof Category)[number];
export type Severity = (typeof Severity)[number];
export type Priority = (typeof Priority)[number];
export type ComplaintStatus = (typeof ComplaintStatus)[number];
export type InvestigationStatus = (typeof InvestigationStatus)[number];
export type NoteKind = (typeof NoteKind)[number];
export type RootCauseCategory = (typeof RootCauseCategory)[number];
export type ProposalStatus = (typeof ProposalStatus)[number];
export type RemedyType = (typeof RemedyType)[number];
export type NotificationChannel = (typeof NotificationChannel)[number];
export type NotificationKind = (typeof NotificationKind)[number];
export type DeliveryStatus = (typeof DeliveryStatus)[number];
export type TrendInterval = (typeof TrendInterval)[number];
export type Role = (typeof Role)[number];
export type EscalationCause = (typeof EscalationCause)[number];
export type SlaClock = (typeof SlaClock)[number];
export type DecidedBy = (typeof DecidedBy)[number];
export type FollowUpVia = (typeof FollowUpVia)[number];
