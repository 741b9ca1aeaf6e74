/**
 * Request/reply contract `intake.complaint-contact`: what a service that writes to the customer may
 * ask intake for, since events never carry personal data. Replies NOT_FOUND for an unknown complaint.
 */
export const COMPLAINT_CONTACT = 'intake.complaint-contact';

export interface ComplaintContactRequest {
  complaintId: string;
}

export interface ComplaintContact {
  complaintId: string;
  reference: string;
  customerId: string;
  customerName: string;
  email: string;
  phone: string | null;
  status: string;
  cycle: number;
  receivedAt: string;
  acknowledgementDueAt: string;
  resolutionDueAt: string;
}

/**
 * `intake.complaint-state`: the complaint's lifecycle state as intake knows it at this moment — how a
 * service checks SPEC §5's state rules (read-your-writes, even before it saw `complaint.received`).
 * Replies NOT_FOUND for an unknown complaint.
 */
export const COMPLAINT_STATE = 'intake.complaint-state';

export interface ComplaintStateRequest {
  complaintId: string;
}

export interface ComplaintState {
  complaintId: string;
  reference: string;
  customerId: string;
  status: string;
  cycle: number;
  escalated: boolean;
  category: string | null;
  severity: string | null;
  priority: string | null;
  receivedAt: string;
  resolutionDueAt: string;
}

/**
 * `resolution.customer-link`: the signed, expiring, single-use link a customer email carries
 * (`<PUBLIC_URL>/respond?token=…` for a proposal, `<PUBLIC_URL>/feedback?token=…` for the survey).
 * Links are credentials, so they never travel in events; notification asks for one when it renders.
 */
export const CUSTOMER_LINK = 'resolution.customer-link';

export interface CustomerLinkRequest {
  complaintId: string;
  purpose: 'RESPOND' | 'FEEDBACK';
  /** Required for RESPOND: the proposal the customer decides on. */
  proposalId?: string;
  /** The cycle the survey belongs to (FEEDBACK). */
  cycle?: number;
}

export interface CustomerLink {
  url: string;
  expiresAt: string;
}

/** `investigation.assignee-contact`: who to tell about an assignment (name and email from the roster). */
export const ASSIGNEE_CONTACT = 'investigation.assignee-contact';

export interface AssigneeContactRequest {
  investigationId: string;
}

export interface AssigneeContact {
  investigationId: string;
  assigneeId: string | null;
  name: string | null;
  email: string | null;
}

/**
 * `<service>.customer-data`: everything a service holds about one customer, for a GDPR subject access
 * export (`exportCustomerData` in intake gathers every service's answer).
 */
export const customerDataPattern = (service: 'investigation' | 'resolution' | 'notification' | 'reporting') => `${service}.customer-data` as const;

export interface CustomerDataRequest {
  customerId: string;
  complaintIds: string[];
}

export interface CustomerData {
  service: string;
  /** Plain JSON records, grouped by what they are (e.g. `notifications`, `proposals`). */
  records: Record<string, unknown[]>;
}
