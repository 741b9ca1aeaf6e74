import { Injectable } from '@nestjs/common';
import {
  ASSIGNEE_CONTACT, COMPLAINT_CONTACT, COMPLAINT_STATE, CUSTOMER_LINK,
  type AssigneeContact, type ComplaintContact, type ComplaintState, type CustomerLink, type CustomerLinkRequest,
} from '@redress/contracts';
import { DomainError } from '@redress/errors';
import { RpcClient } from '@redress/messaging';

/**
 * What notification asks the other services when it writes (events carry no personal data and no links).
 * A complaint or investigation the owner does not know gives null; an outage throws, so the event is retried.
 */
@Injectable()
export class PeerLookups {
  constructor(private readonly rpc: RpcClient) {}

  complaintContact(complaintId: string): Promise<ComplaintContact | null> {
    return orNull(this.rpc.request<ComplaintContact>('intake', COMPLAINT_CONTACT, { complaintId }));
  }

  complaintState(complaintId: string): Promise<ComplaintState | null> {
    return orNull(this.rpc.request<ComplaintState>('intake', COMPLAINT_STATE, { complaintId }));
  }

  assigneeContact(investigationId: string): Promise<AssigneeContact | null> {
    return orNull(this.rpc.request<AssigneeContact>('investigation', ASSIGNEE_CONTACT, { investigationId }));
  }

  /** Mints a signed, single-use link: only ask when the message will really be stored. */
  customerLink(request: CustomerLinkRequest): Promise<CustomerLink> {
    return this.rpc.request<CustomerLink>('resolution', CUSTOMER_LINK, request);
  }
}

async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
