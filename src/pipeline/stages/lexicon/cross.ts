// Multi-word terms spoken across two final segments ("… the bhagavad" |
// "geeta says …"). The stage keeps, in its per-stream slot, the last few
// words of the previous final segment (bounded: at most MAX_TAIL_WORDS words
// of at most MAX_WORD_CHARS characters, none after a sentence end). The
// previous segment has already been sent, so only the current segment's part
// of a match can be rewritten; the flag says so.

const STATE_VERSION = 1;
export const MAX_TAIL_WORDS = 5;
const MAX_WORD_CHARS = 48;

export interface TailWord {
  /** The word as sent (without edge punctuation). */
  core: string;
  /** Its ASCII fold. */
  fold: string;
}

export interface LexiconState {
  v: number;
  tail: TailWord[];
  /** Final segments for which the stream still counts as in the packs' domain (evidence.ts); 0 when it does not. */
  evidence: number;
}

/** The most final segments one match can vouch for (bounds what a stored state may claim). */
export const MAX_EVIDENCE_SEGMENTS = 10_000;

const isTailWord = (x: unknown): x is TailWord => {
  const w = x as TailWord;
  return typeof w === "object" && w !== null && typeof w.core === "string" && typeof w.fold === "string" &&
    w.core.length <= MAX_WORD_CHARS && w.fold.length <= MAX_WORD_CHARS && w.fold !== "";
};

/** The slot as this stage left it, or an empty tail for anything else. */
export function readLexiconState(slot: unknown): LexiconState {
  const s = slot as Partial<LexiconState> | undefined;
  if (typeof s !== "object" || s === null || s.v !== STATE_VERSION || !Array.isArray(s.tail) || !s.tail.every(isTailWord)) {
    return { v: STATE_VERSION, tail: [], evidence: 0 };
  }
  const e = s.evidence;
  const evidence = typeof e === "number" && Number.isInteger(e) && e > 0 ? Math.min(e, MAX_EVIDENCE_SEGMENTS) : 0;
  return { v: STATE_VERSION, tail: s.tail.slice(-MAX_TAIL_WORDS), evidence };
}

export interface WordInfo {
  lead: string;
  core: string;
  trail: string;
  fold: string;
}

/**
 * The words a following segment may continue: the trailing run of words with
 * no punctuation between them (a comma or sentence end breaks a term). A
 * segment that is one such run extends the previous tail.
 */
export function nextLexiconState(prev: LexiconState, words: readonly WordInfo[], limit: number): LexiconState {
  const max = Math.min(limit, MAX_TAIL_WORDS);
  const tail: TailWord[] = [];
  let k = words.length - 1;
  if (k < 0) return prev;
  if (words[k]!.trail !== "") return { v: STATE_VERSION, tail: [], evidence: prev.evidence };
  for (; k >= 0 && tail.length < max; k--) {
    const w = words[k]!;
    if (w.fold === "" || w.core.length > MAX_WORD_CHARS || w.fold.length > MAX_WORD_CHARS) break;
    if (k < words.length - 1 && w.trail !== "") break;
    tail.unshift({ core: w.core, fold: w.fold });
    if (w.lead !== "") break;
  }
  const whole = k < 0 && words[0]!.lead === "";
  const joined = whole ? [...prev.tail, ...tail] : tail;
  return { v: STATE_VERSION, tail: joined.slice(-max), evidence: prev.evidence };
}
