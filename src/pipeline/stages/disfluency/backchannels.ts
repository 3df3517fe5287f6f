// Rule `filler`, interruptions and interjections:
// - a listener's backchannel ("Yeah.", "Right.", "Mm-hmm.") transcribed inside
//   the speaker's sentence. It is only taken for an interruption when the
//   sentence visibly goes on around it — the word before was broken off
//   ("that's- Yeah. called something") or the word after carries on in
//   lowercase ("Yeah. standing there"). With both signs any short remark is
//   the listener's ("the next- Period. you're going", "and- For sure. people").
// - a sentence that is nothing but an acknowledgement or interjection ("Yeah.",
//   "Oh yeah.", "Right.", "Ugh.") between two sentences of the same segment: the speaker's own
//   verbal tic, which a non-verbatim transcript drops. A segment-opening
//   "Yeah." answers the other speaker and stays, as does a closing one.
// - "Yeah," / "Oh," opening a later sentence of the segment ("It's a sub.
//   Yeah, it's a spook boat.").
// - In raw ASR, which shows no sentences, a "yeah" or "oh" inside the segment
//   ("a great game yeah but it's") and a tag "right" before a new clause ("on
//   the sidelines right but as we ramp up"); the punctuation stage still reads
//   them where they were said, so the sentence end they showed is not lost.
import type { Removal } from "./apply.js";
import { isHesitation, sentenceStartOf, type WordView } from "./words.js";

export const BACKCHANNELS: ReadonlySet<string> = new Set([
  "yeah", "yes", "yep", "right", "okay", "ok", "mm-hmm", "uh-huh", "sure", "exactly", "wow", "true", "oh",
]);
/** Acknowledgements with no content of their own: "Yes." / "No." / "Okay." answer something and stay. */
const TICS: ReadonlySet<string> = new Set([
  "yeah", "yep", "yup", "right", "oh", "ooh", "mm-hmm", "uh-huh", "mhm", "mmm", "huh", "wow", "ugh", "aw", "aww", "woo", "whoa", "gosh",
  "jeez", "damn", "sure", "true",
]);
/** Sentence-opening interjections set off by a comma. */
const OPENERS: ReadonlySet<string> = new Set(["yeah", "oh"]);
/** The longest remark taken for a listener cutting in. */
const MAX_REMARK = 3;
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

/** True when the next word carries the sentence on in lowercase. */
function carriesOn(next: WordView | undefined): boolean {
  return next !== undefined && !next.capitalised && next.core !== "" && next.core !== "i";
}

/**
 * Someone cut in after the broken-off word at `k`: a backchannel or a remark of at most
 * MAX_REMARK words follows ("them- Yeah.", "picture- No way.", "him- That's super rad.").
 * The speaker was interrupted, so the word before was finished, not abandoned.
 */
export function cutInAfter(words: readonly WordView[], k: number): boolean {
  const next = words[k + 1];
  if (!brokenOff(words[k]) || next === undefined) return false;
  if (BACKCHANNELS.has(next.core)) return true;
  for (let j = k + 1; j < words.length && j <= k + MAX_REMARK; j++) if (words[j]!.endsSentence) return true;
  return false;
}

/** End (exclusive) of a remark of at most MAX_REMARK words cutting into a broken-off sentence at `i`, or -1. */
function remarkEnd(words: readonly WordView[], i: number): number {
  if (!brokenOff(words[i - 1])) return -1;
  // Nothing but acknowledgement ("than- Oh yeah. Sinema"): the listener's, whatever follows.
  const tics = ticSentenceEnd(words, i);
  if (tics > i) return tics;
  for (let k = i; k < words.length && k < i + MAX_REMARK; k++) {
    if (words[k]!.endsSentence) return carriesOn(words[k + 1]) ? k + 1 : -1;
  }
  return -1;
}

/** Interjections that raw ASR runs into the sentence around them. */
const RAW_INTERJECTIONS: ReadonlySet<string> = new Set(["yeah", "oh"]);
/**
 * Before a mid-segment "yeah" or "oh" these take it into what is said: a quotation's opener ("I'm like oh
 * man", "he said yeah", "I go yeah", "my first thought was oh"), a discourse word ("so yeah", "um yeah")
 * or another interjection.
 */
const HOLDS_INTERJECTION: ReadonlySet<string> = new Set([
  "like", "said", "say", "says", "saying", "go", "goes", "went", "was", "is", "were", "be", "thought", "think", "wait",
  "so", "um", "uh", "and", "but", "anyways", "anyway", "well", "oh", "yeah", "yep", "yes", "mm-hmm", "okay",
]);
const RAW_INTERJECTION_CONFIDENCE = 0.6;

/**
 * Raw ASR, where no full stop shows where a listener said "yeah": inside a segment, after a word that
 * does not take it into what is said, "yeah" or "oh" is the other speaker's, or the speaker's own tic
 * between two thoughts ("for real though yeah in the group chat", "a great game yeah but it's", "mama is
 * out here oh getting ready"). A segment's first words answer the other speaker and stay.
 */
function rawInterjection(words: readonly WordView[], i: number): boolean {
  if (i < 2 || i + 1 >= words.length) return false;
  const w = words[i]!.core;
  if (w === "right") return tagRight(words, i);
  return RAW_INTERJECTIONS.has(w) && !HOLDS_INTERJECTION.has(words[i - 1]!.core);
}

/** Before "right" these make it the adjective or the noun ("the right person", "you are right", "all right", "a civil right"). */
const RIGHT_GOVERNORS: ReadonlySet<string> = new Set([
  "the", "a", "an", "all", "is", "are", "was", "were", "be", "been", "you're", "that's", "it's", "he's", "she's", "they're", "we're",
  "i'm", "exactly", "to", "your", "my", "our", "their", "his", "her", "its", "human", "civil", "legal", "equal", "inalienable",
  "constitutional", "divine", "far", "turn", "turned", "get", "got", "do", "did", "done", "doing", "said", "so", "like", "just",
  "totally", "absolutely", "completely", "quite", "very", "pretty", "dead", "entirely",
]);
/**
 * After a tag "right" the speaker goes on with a clause of their own: a conjunction, a subject or a filler.
 * Before anything else "right" is as often the adverb or the adjective ("right now", "right mix", "fixing
 * things right the first time").
 */
const AFTER_TAG: ReadonlySet<string> = new Set([
  "so", "but", "because", "yeah", "i", "you", "we", "they", "he", "she", "it's", "that's", "there's", "i'm", "we're",
  "you're", "they're", "he's", "she's", "even", "not",
]);

/**
 * A tag "right" inside raw ASR, asking the listener to agree before the speaker goes on ("I have a story
 * right um I used to", "off of pure hype right but it's"): no determiner or form of "be" makes it the
 * adjective, and a new clause follows.
 */
function tagRight(words: readonly WordView[], i: number): boolean {
  // Hesitations are looked past: "right uh when construction happens" is the adverb's.
  let next = i + 1;
  while (next < words.length && isHesitation(words[next]!.core)) next++;
  return !RIGHT_GOVERNORS.has(words[i - 1]!.core) && next < words.length && AFTER_TAG.has(words[next]!.core);
}

export function findBackchannels(words: readonly WordView[], raw = false): Removal[] {
  const found: Removal[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (raw && rawInterjection(words, i)) {
      found.push({ start: i, end: i + 1, rule: "filler", confidence: RAW_INTERJECTION_CONFIDENCE });
      continue;
    }
    const remark = remarkEnd(words, i);
    if (remark > i) {
      found.push({ start: i, end: remark, rule: "filler", confidence: INTERRUPTION_CONFIDENCE });
      i = remark - 1;
      continue;
    }
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
    if (brokenOff(words[i - 1]) || carriesOn(words[i + 1])) found.push({ start: i, end: i + 1, rule: "filler", confidence: INTERRUPTION_CONFIDENCE });
  }
  return found;
}
