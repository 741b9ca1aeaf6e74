/**
 * A cue is a word or a phrase; a word ending in `*` matches any word it begins ("charg*" → charged,
 * charges). Matching is on lower-case words, so punctuation and case never matter.
 */
export type Cue = string;

export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

/** True when the cue's words occur consecutively in `words`. */
export function contains(words: readonly string[], cue: Cue): boolean {
  const parts = cue.split(' ');
  for (let start = 0; start + parts.length <= words.length; start++) {
    if (parts.every((part, offset) => wordMatches(part, words[start + offset]))) return true;
  }
  return false;
}

/** The cues found in the words, each once. */
export function cuesIn(words: readonly string[], cues: readonly Cue[]): Cue[] {
  return cues.filter((cue) => contains(words, cue));
}
