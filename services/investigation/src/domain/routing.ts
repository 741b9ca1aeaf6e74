/** An active investigator with the complaint's category among their skills, and their current load. */
export interface RoutingCandidate {
  id: string;
  capacity: number;
  openInvestigations: number;
}

/**
 * Routing (SPEC §4 `startInvestigation` without an assignee): the least-loaded candidate with room
 * left — fewest OPEN investigations, then the most spare capacity, then by id so the choice is stable.
 * Null when nobody has room: the investigation stays unassigned and managers are told.
 */
export function chooseInvestigator(candidates: readonly RoutingCandidate[]): string | null {
  const available = candidates.filter((c) => c.openInvestigations < c.capacity);
  available.sort((a, b) =>
    a.openInvestigations - b.openInvestigations
    || (b.capacity - b.openInvestigations) - (a.capacity - a.openInvestigations)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return available[0]?.id ?? null;
}
