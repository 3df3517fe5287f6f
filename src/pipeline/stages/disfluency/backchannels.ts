// Rule `filler`, interruptions and interjections:
// - a listener's backchannel ("Yeah.", "Right.", "Mm-hmm.") transcribed inside
//   the speaker's sentence. It is only taken for an interruption when the
//   sentence visibly goes on around it — the word before was broken off
//   ("that's- Yeah. called something") or the word after carries on in
//   lowercase ("Yeah. standing there").
// - a sentence that is nothing but an acknowledgement or interjection ("Yeah.",
//   "Oh yeah.", "Right.", "Ugh.") between two sentences of the same segment: the speaker's own
//   verbal tic, which a non-verbatim transcript drops. A segment-opening
//   "Yeah." answers the other speaker and stays, as does a closing one.
// - "Yeah," / "Oh," opening a later sentence of the segment ("It's a sub.
//   Yeah, it's a spook boat.").
import type { Removal } from "./apply.js";
import { sentenceStartOf, type WordView } from "./words.js";

export const BACKCHANNELS: ReadonlySet<string> = new Set([
  "yeah", "yes", "yep", "right", "okay", "ok", "mm-hmm", "uh-huh", "sure", "exactly", "wow", "true", "oh",
]);
/** Acknowledgements with no content of their own: "Yes." / "No." / "Okay." answer something and stay. */
const TICS: ReadonlySet<string> = new Set(["yeah", "yep", "yup", "right", "oh", "ooh", "mm-hmm", "uh-huh", "mhm", "wow", "ugh", "aw", "aww", "woo", "whoa", "gosh", "jeez"]);
/** Sentence-opening interjections set off by a comma. */
const OPENERS: ReadonlySet<string> = new Set(["yeah", "oh"]);
const INTERRUPTION_CONFIDENCE = 0.75;
const TIC_SENTENCE_CONFIDENCE = 0.7;
const OPENER_CONFIDENCE = 0.6;

function brokenOff(w: WordView | undefined): boolean {
  return w !== undefined && (w.trail === "-" || w.trail === "\u2014");
}

/** End (exclusive) of the tic-only sentence starting at `i`, or -1. */
function ticSentenceEnd(words: readonly WordView[], i: number): number {
  for (let k = i; k < words.length; k++) {
    const w = words[k]!;
    if (!TICS.has(w.core)) return -1;
    if (w.endsSentence) return k + 1;
    if (w.trail !== "," && w.trail !== "") return -1;
  }
  return -1;
}

export function findBackchannels(words: readonly WordView[]): Removal[] {
  const found: Removal[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const sentenceStart = words[i - 1]!.endsSentence;
    if (sentenceStart && TICS.has(w.core)) {
      const end = ticSentenceEnd(words, i);
      if (end > i && end < words.length) {
        found.push({ start: i, end, rule: "filler", confidence: TIC_SENTENCE_CONFIDENCE });
        i = end - 1;
        continue;
      }
      if (OPENERS.has(w.core) && w.trail === "," && sentenceStartOf(words, i) > 0) {
        const next = words[i + 1];
        if (next !== undefined && !TICS.has(next.core)) found.push({ start: i, end: i + 1, rule: "filler", confidence: OPENER_CONFIDENCE });
        continue;
      }
    }
    if (!BACKCHANNELS.has(w.core) || !w.endsSentence) continue;
    const next = words[i + 1];
    const continues = next !== undefined && !next.capitalised && next.core !== "" && next.core !== "i";
    if (brokenOff(words[i - 1]) || continues) found.push({ start: i, end: i + 1, rule: "filler", confidence: INTERRUPTION_CONFIDENCE });
  }
  return found;
}
