import { NoteKind } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';

export interface AddInvestigationNote {
  investigationId: string;
  kind: NoteKind;
  body: string;
  department: string | null;
}

// A department is a name other departments filter `investigation.note_added` on, never free text.
const DEPARTMENT = /^[A-Za-z][A-Za-z0-9 &_-]*$/;

export function validateNote(raw: { investigationId: string; kind: string; body: string; department?: string | null }): AddInvestigationNote {
  const investigationId = input.uuid('investigationId', raw.investigationId);
  const kind = input.oneOf('kind', raw.kind, NoteKind);
  const body = input.required('body', raw.body, 5000);
  const department = input.optional('department', raw.department, 60);
  if (kind === 'DEPARTMENT_QUERY' && !department) throw new BadUserInput('department', 'must name the department a DEPARTMENT_QUERY goes to');
  if (department && !DEPARTMENT.test(department)) throw new BadUserInput('department', 'must be a department name (letters, digits, spaces, &, _ and -)');
  return { investigationId, kind, body, department };
}
