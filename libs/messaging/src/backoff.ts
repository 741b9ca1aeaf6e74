export interface Backoff {
  minMs: number;
  maxMs: number;
}

/**
 * Exponential delay before retry number `failures` (1, 2, …), capped at `maxMs`, with ±20 % jitter so
 * that replicas that lost the same server do not all come back at the same instant.
 */
export function backoffDelay(failures: number, { minMs, maxMs }: Backoff, random: () => number = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, failures - 1));
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(maxMs, jittered));
}
