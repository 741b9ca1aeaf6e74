import type { Role } from '@redress/contracts';

/** Every staff role (SPEC §2). */
export const STAFF_ROLES = ['AGENT', 'INVESTIGATOR', 'MANAGER', 'QA', 'ADMIN'] as const satisfies readonly Role[];

/**
 * Who may call an operation: `'PUBLIC'` — anyone, signed in or not (the arguments are the credential);
 * or the staff roles allowed (a MANAGER has every right of an AGENT), with `anonymous` set when
 * customers may call it too, under the condition it names, which the resolver checks.
 * `narrowedBy` names what the resolver decides beyond the role (ownership, amounts, overrides).
 */
export type OperationRule = 'PUBLIC' | { roles: readonly Role[]; anonymous?: string; narrowedBy?: string };

const STAFF = { roles: STAFF_ROLES };
const AGENT_WORK = { roles: ['AGENT', 'MANAGER'] } as const;
const REPORTING = { roles: ['MANAGER', 'QA', 'ADMIN'] } as const;

/**
 * SPEC §2 as data: every Query and Mutation field of the supergraph → who may call it. Resolvers
 * declare `@Allowed('<operation>')`, the gateway checks it before any subgraph is called, and the
 * end-to-end access test is generated from it; a new operation is added here or it is refused.
 */
export const OPERATION_ACCESS = {
  // intake
  submitComplaint: { roles: ['AGENT', 'MANAGER'], anonymous: 'channel WEB only' },
  trackComplaint: 'PUBLIC',
  complaint: STAFF,
  complaintByReference: STAFF,
  complaints: STAFF,
  assessComplaint: AGENT_WORK,
  escalateComplaint: AGENT_WORK,
  reopenComplaint: { roles: ['MANAGER'] },
  pauseSlaClock: AGENT_WORK,
  resumeSlaClock: AGENT_WORK,
  exportCustomerData: { roles: ['MANAGER', 'ADMIN'] }, // GDPR subject access
  eraseCustomer: { roles: ['ADMIN'] }, // GDPR erasure
  // investigation
  investigators: STAFF,
  investigation: STAFF,
  myInvestigations: STAFF,
  upsertInvestigator: { roles: ['MANAGER', 'ADMIN'] },
  startInvestigation: AGENT_WORK,
  reassignInvestigation: AGENT_WORK,
  addInvestigationNote: { roles: ['INVESTIGATOR', 'MANAGER'], narrowedBy: 'an INVESTIGATOR only on an investigation assigned to them' },
  completeInvestigation: { roles: ['INVESTIGATOR', 'MANAGER'], narrowedBy: 'an INVESTIGATOR only on an investigation assigned to them' },
  // resolution
  proposeResolution: { ...AGENT_WORK, narrowedBy: `options above RESOLUTION_APPROVAL_LIMIT need a MANAGER` },
  recordCustomerDecision: AGENT_WORK,
  respondToProposal: 'PUBLIC',
  markResolutionImplemented: AGENT_WORK,
  recordFollowUp: AGENT_WORK,
  submitFeedback: 'PUBLIC',
  closeComplaint: { ...AGENT_WORK, narrowedBy: 'overrideReason needs a MANAGER' },
  // notification (the preferences link in a customer email is the credential)
  previewNotification: { roles: ['AGENT', 'MANAGER', 'ADMIN'] },
  retryNotification: { roles: ['AGENT', 'MANAGER', 'ADMIN'] },
  notificationPreferences: 'PUBLIC',
  updateNotificationPreferences: 'PUBLIC',
  webhooks: { roles: ['ADMIN'] },
  webhook: { roles: ['ADMIN'] },
  registerWebhook: { roles: ['ADMIN'] },
  enableWebhook: { roles: ['ADMIN'] },
  disableWebhook: { roles: ['ADMIN'] },
  deleteWebhook: { roles: ['ADMIN'] },
  // reporting
  complaintMetrics: REPORTING,
  complaintTrend: REPORTING,
  verifyAuditTrail: REPORTING,
  staffPerformance: REPORTING,
  improvementActions: REPORTING,
  qualityReview: REPORTING,
  recordQualityReview: { roles: ['QA', 'MANAGER'] },
  createImprovementAction: { roles: ['MANAGER', 'QA'] },
  updateImprovementAction: { roles: ['MANAGER', 'QA'] },
  complaintLogExport: REPORTING,
  resolutionReport: REPORTING,
  qualityReviewReport: REPORTING,
} as const satisfies Record<string, OperationRule>;

export type OperationName = keyof typeof OPERATION_ACCESS;

export function operationRule(operation: string): OperationRule | undefined {
  return Object.hasOwn(OPERATION_ACCESS, operation) ? OPERATION_ACCESS[operation as OperationName] : undefined;
}

/**
 * Fields that fewer staff may read than the operations leading to them (which are open to every staff
 * role). Any other field of a staff-readable type is readable by every staff role; the generated access
 * test holds both. Resolvers declare these with `@AllowedField('<Type.field>')`.
 */
export const FIELD_ACCESS = {
  'Complaint.qualityReviews': REPORTING,
} as const satisfies Record<string, { roles: readonly Role[] }>;

export type RestrictedField = keyof typeof FIELD_ACCESS;

/**
 * SPEC §2: the only fields an anonymous caller may read (through the public operations). A type not
 * listed is closed to anonymous callers; `__typename` is always readable.
 */
export const ANONYMOUS_READABLE: Readonly<Record<string, readonly string[] | 'ALL'>> = {
  Complaint: ['id', 'reference', 'status', 'receivedAt', 'acknowledgementDueAt', 'resolutionDueAt'],
  ResolutionProposal: ['id', 'status', 'options', 'chosenOptionId'],
  ResolutionOption: 'ALL', // the options a customer chooses from
  ComplaintTracking: 'ALL',
  FollowUp: 'ALL',
  NotificationPreferences: 'ALL',
};

export function anonymousMayRead(type: string, field: string): boolean {
  if (field === '__typename') return true;
  const readable = ANONYMOUS_READABLE[type];
  return readable === 'ALL' || (readable?.includes(field) ?? false);
}

/**
 * SPEC §2 field privacy: who reads a personal field in full; other staff get null or a masked value.
 */
export const PRIVATE_FIELDS = {
  'Customer.email': { readers: ['AGENT', 'MANAGER', 'ADMIN'], others: 'null' },
  'Customer.phone': { readers: ['AGENT', 'MANAGER', 'ADMIN'], others: 'null' },
  'Notification.recipient': { readers: ['AGENT', 'INVESTIGATOR', 'MANAGER', 'ADMIN'], others: 'masked' },
} as const satisfies Record<string, { readers: readonly Role[]; others: 'null' | 'masked' }>;

export type PrivateField = keyof typeof PRIVATE_FIELDS;
