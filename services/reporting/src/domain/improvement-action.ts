export const ImprovementActionStatus = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ImprovementActionStatus = (typeof ImprovementActionStatus)[number];

const FINISHED: readonly ImprovementActionStatus[] = ['DONE', 'CANCELLED'];

export function isFinished(status: ImprovementActionStatus): boolean {
  return FINISHED.includes(status);
}

/** A finished action stays finished (record a new one instead); otherwise any move is allowed. */
export function canChange(from: ImprovementActionStatus): boolean {
  return !isFinished(from);
}

export function isOverdue(action: { status: ImprovementActionStatus; dueAt: Date }, now: Date): boolean {
  return !isFinished(action.status) && action.dueAt < now;
}
