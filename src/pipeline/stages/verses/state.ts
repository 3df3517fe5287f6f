// Recitations spoken across segments. The stage keeps, in its per-stream
// slot, the last words of the previous final segment that were not part of a
// recognised verse (bounded: a few words of bounded length). The next segment
// is matched with those words in front, so a verse begun at the end of one
// segment and finished in the next is still recognised. The earlier segment
// has already been sent, so only the current segment's part can be replaced;
// the stage says so in a flag rather than hiding it.

const STATE_VERSION = 1;
/** About a half-verse of words: enough to complete a match, small enough to travel with the stream. */
export const MAX_TAIL_WORDS = 16;
const MAX_WORD_CHARS = 64;

export interface VersesState {
  v: number;
  /** Texts of the previous final segment's trailing unmatched words, oldest first. */
  tail: string[];
}

/** The slot as this stage left it, or a fresh state for anything else. */
export function readState(slot: unknown): VersesState {
  const s = slot as Partial<VersesState> | undefined;
  if (typeof s !== "object" || s === null || s.v !== STATE_VERSION || !Array.isArray(s.tail)) return { v: STATE_VERSION, tail: [] };
  const tail = s.tail.filter((w): w is string => typeof w === "string" && w.length > 0 && w.length <= MAX_WORD_CHARS);
  return { v: STATE_VERSION, tail: tail.slice(-MAX_TAIL_WORDS) };
}

/**
 * The state after a final segment: its words after the last recognised verse.
 * When nothing in it was recognised, the older tail is kept in front (a verse
 * may run over several short segments).
 */
export function nextState(prev: VersesState, texts: readonly string[], unmatchedFrom: number, anyMatch: boolean): VersesState {
  const own = texts.slice(unmatchedFrom).filter((w) => w.length > 0 && w.length <= MAX_WORD_CHARS);
  const tail = (anyMatch ? own : [...prev.tail, ...own]).slice(-MAX_TAIL_WORDS);
  return { v: STATE_VERSION, tail };
}
