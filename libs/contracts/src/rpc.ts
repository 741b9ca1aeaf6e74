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
