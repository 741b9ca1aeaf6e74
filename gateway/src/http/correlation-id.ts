import { randomUUID } from 'node:crypto';

// Long enough to be unique in practice, short and plain enough to be safe in logs and headers.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/** A caller's own correlation id when it is well-formed (so they can trace their request); else a new one. */
export function acceptCorrelationId(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && ACCEPTABLE.test(candidate) ? candidate : randomUUID();
}
