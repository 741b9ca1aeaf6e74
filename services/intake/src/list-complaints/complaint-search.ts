const MAX_TERMS = 8;

export interface ComplaintSearch {
  /** The text as a reference (`CMP-2026-000042`), matched exactly. */
  reference: string;
  /** Every word as a prefix, all required (`grace:* & hop:*`); null when the text has no words. */
  prefixQuery: string | null;
}

/**
 * What `filter.search` looks for: a reference, or words that begin the words of the subject, the
 * description, the customer's name or email. Only letters and digits reach `to_tsquery`, so no
 * operator a user types can change the query.
 */
export function complaintSearch(text: string): ComplaintSearch {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, MAX_TERMS);
  return {
    reference: text.trim().toUpperCase(),
    prefixQuery: words.length ? words.map((word) => `${word}:*`).join(' & ') : null,
  };
}
