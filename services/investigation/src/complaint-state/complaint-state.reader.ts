import { Injectable } from '@nestjs/common';
import { COMPLAINT_STATE, type Category, type ComplaintState, type ComplaintStatus, type Severity } from '@redress/contracts';
import { RpcClient } from '@redress/messaging';

/** Intake's view of a complaint right now, as SPEC §5's state rules need it. */
export interface CurrentComplaint extends ComplaintState {
  status: ComplaintStatus;
  category: Category | null;
  severity: Severity | null;
}

/**
 * Asks intake (request/reply `intake.complaint-state`) for the complaint's status and cycle, so a
 * mutation right after `submitComplaint` works before `complaint.received` arrived here. Rejects
 * with NOT_FOUND for a complaint intake does not know.
 */
@Injectable()
export class ComplaintStateReader {
  constructor(private readonly rpc: RpcClient) {}

  current(complaintId: string): Promise<CurrentComplaint> {
    return this.rpc.request<CurrentComplaint>('intake', COMPLAINT_STATE, { complaintId });
  }
}
