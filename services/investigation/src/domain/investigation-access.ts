import { Forbidden } from '@redress/errors';

/** Who works on an investigation: the caller's staff id and whether they act as a MANAGER. */
export interface InvestigationWorker {
  id: string;
  manager: boolean;
}

/** SPEC §2: notes and completion are for the assigned INVESTIGATOR and for managers. */
export function assertMayWorkOn(investigation: { assigneeId: string | null }, worker: InvestigationWorker): void {
  if (worker.manager || (investigation.assigneeId !== null && investigation.assigneeId === worker.id)) return;
  throw new Forbidden('Only the assigned investigator or a manager may work on this investigation');
}
