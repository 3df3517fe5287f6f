// Cross-segment state: a sentence that spans two final segments is one
// sentence, so the model's history (the two words before, words since the
// last sentence end, the sentence's first words) is carried in the stream's
// state slot. Bounded: a few short strings and two counters.
import { freshHistory, type History } from "./features.js";

const STATE_VERSION = 1;
/** Longest word kept in the state; longer keys are cut (a bound on what travels between threads). */
const MAX_KEY_LENGTH = 64;
/** Counters stop here: the features bucket everything above 25 anyway. */
const MAX_COUNT = 1000;

export interface PunctuationState {
  v: number;
  h: History;
}

const isKey = (x: unknown): x is string => typeof x === "string" && x.length <= MAX_KEY_LENGTH;
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= MAX_COUNT;

/** The slot as this stage left it, or a fresh history for anything else (another version, a foreign shape). */
export function readHistory(slot: unknown): History {
  const s = slot as Partial<PunctuationState> | undefined;
  const h = s?.h as Partial<History> | undefined;
  if (
    typeof s !== "object" || s === null || s.v !== STATE_VERSION || typeof h !== "object" || h === null ||
    !isKey(h.prev1) || !isKey(h.prev2) || !isKey(h.first1) || !isKey(h.first2) || !isCount(h.sinceEnd) || !isCount(h.sinceMark)
  ) {
    return freshHistory();
  }
  return { prev1: h.prev1, prev2: h.prev2, first1: h.first1, first2: h.first2, sinceEnd: h.sinceEnd, sinceMark: h.sinceMark };
}

export function writeHistory(h: Readonly<History>): PunctuationState {
  const cut = (k: string) => (k.length > MAX_KEY_LENGTH ? k.slice(0, MAX_KEY_LENGTH) : k);
  return {
    v: STATE_VERSION,
    h: {
      prev1: cut(h.prev1),
      prev2: cut(h.prev2),
      first1: cut(h.first1),
      first2: cut(h.first2),
      sinceEnd: Math.min(h.sinceEnd, MAX_COUNT),
      sinceMark: Math.min(h.sinceMark, MAX_COUNT),
    },
  };
}
