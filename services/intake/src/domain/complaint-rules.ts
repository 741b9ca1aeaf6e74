import type { ComplaintStatus } from '@redress/contracts';
import { Conflict } from '@redress/errors';

/** SPEC §5: the statuses each intake operation is allowed in; anything else is CONFLICT. */
const REOPENABLE: readonly ComplaintStatus[] = ['RESOLVED', 'FOLLOWED_UP', 'CLOSED'];

/** assessComplaint, escalateComplaint and the SLA clock operations: any status but CLOSED. */
export function assertNotClosed(status: ComplaintStatus, operation: string): void {
  if (status === 'CLOSED') throw new Conflict(`${operation} is not allowed on a CLOSED complaint; reopen it first`);
}

export function assertReopenable(status: ComplaintStatus): void {
  if (!REOPENABLE.includes(status)) throw new Conflict(`Only a ${REOPENABLE.join(', ')} complaint can be reopened (it is ${status})`);
}
