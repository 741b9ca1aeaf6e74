/** `CMP-<year>-<number>`: the number comes from a database sequence, zero-padded to at least 6 digits. */
export function formatReference(receivedAt: Date, sequenceNumber: number): string {
  return `CMP-${receivedAt.getUTCFullYear()}-${String(sequenceNumber).padStart(6, '0')}`;
}

export const REFERENCE_PATTERN = /^CMP-\d{4}-\d{6,}$/;
