// Rule `self_repair` (see repairs.ts): how far a repair's span reaches beyond the reparandum and cue that
// repairs.ts finds — back to where the repair's first word was said before the words it echoes ("the
// destruction of trees in the forest no wait the process of … in the forest"), over the "a" of "a hundred",
// forward over a cue closing the repaired sentence ("… rather?"), over a "not X" disowning the reparandum,
// and over the comma that closed the correction inside a clause ("discuss, I mean explore, the options").
import type { Removal } from "./apply.js";
import { ARTICLES, FUNCTION_WORDS, isAuxiliary, isContentWord, isNumeric, NOUN_DETERMINERS, PREPOSITIONS, sentenceEndOf, SUBJECT_CONTRACTIONS, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

/** Fewest and most words of a reparandum's ending that the repair says again. */
const MIN_ECHOED_ENDING = 2;
const MAX_ECHOED_ENDING = 5;

/**
 * "The destruction of trees in the forest no wait the process of growing more trees in the forest is known
 * as what?": the repair says again the words that ended the reparandum ("in the forest"), so it restates more
 * than those words, and the reparandum starts where the repair's first word was said before them (the
 * article for an article), not at its nearest copy inside the echo. Its start, else -1.
 */
export function echoedEndingStart(words: readonly WordView[], sentenceStart: number, a: number, b: number): number {
  // The repair opens a phrase (a determiner, a wh-word, a content word), not a clause joined on ("but …").
  if (FUNCTION_WORDS.has(words[b]!.core) && !NOUN_DETERMINERS.has(words[b]!.core) && !WH_WORDS.has(words[b]!.core)) return -1;
  const sentenceEnd = sentenceEndOf(words, b);
  const end = sentenceEnd < 0 ? words.length - 1 : sentenceEnd;
  for (let k = Math.min(MAX_ECHOED_ENDING, a - sentenceStart - 1); k >= MIN_ECHOED_ENDING; k--) {
    // Said again after the repair's first two words, so not the restart itself ("sorry but the thing bit me").
    if (!sameRun(words, a - k, a, b + 2, end) || !words.slice(a - k, a).some((w) => isContentWord(w.core))) continue;
    const first = words[b]!.core;
    for (let j = a - k - 1; j >= sentenceStart; j--) {
      const c = words[j]!.core;
      if (c === first || (ARTICLES.has(c) && ARTICLES.has(first))) return j;
    }
    return -1;
  }
  return -1;
}

/** words[from, to) are said again, unbroken, somewhere in words[after, end]. */
function sameRun(words: readonly WordView[], from: number, to: number, after: number, end: number): boolean {
  const n = to - from;
  for (let p = after; p + n - 1 <= end; p++) {
    let same = true;
    for (let q = 0; q < n && same; q++) same = words[p + q]!.core === words[from + q]!.core && (q === n - 1 || words[p + q]!.trail === "");
    if (same) return true;
  }
  return false;
}

const SCALES: ReadonlySet<string> = new Set(["hundred", "thousand", "million", "billion"]);

/** "about a hundred sorry two hundred basis points": the "a" of "a hundred" is the number's, and goes with it for a number. */
export function withCountingArticle(words: readonly WordView[], sentenceStart: number, s: number, b: number): number {
  if (s - 1 < sentenceStart || s < 0) return s;
  const article = words[s - 1]!;
  return article.core === "a" && article.trail === "" && SCALES.has(words[s]!.core) && isNumeric(words[b]!.core) ? s - 1 : s;
}

const TRAILING_CUES: ReadonlySet<string> = new Set(["rather", "instead", "sorry"]);

/** Cue adverbs said again inside the repaired sentence, before its verb or a preposition ("what type of radar rather was"). */
const ECHOED_CUES: ReadonlySet<string> = new Set(["rather", "instead"]);

/**
 * "State Route 168 no no state route 99 rather?", "in 1974 or wait in 1970 I mean?": a cue closing
 * the repaired sentence goes with the repair; so does one said again after the repair's phrase, before
 * an auxiliary or a preposition ("Which kind or wait what type of radar rather was used", "who was
 * responsible rather for"; "rather than", "instead of" are content). Returns its span, or null.
 */
export function trailingCue(words: readonly WordView[], from: number): { start: number; end: number } | null {
  for (let k = from; k < words.length; k++) {
    const w = words[k]!;
    const next = words[k + 1];
    if (k > from && ECHOED_CUES.has(w.core) && w.trail === "" && words[k - 1]!.trail === "" && next !== undefined && isContentWord(words[k - 1]!.core) &&
      (isAuxiliary(next) || (PREPOSITIONS.has(next.core) && next.core !== "of"))) return { start: k, end: k + 1 };
    // "the Scottish, or the UK's government rather, helped": "rather" set off after the repair's phrase.
    if (w.core === "rather" && w.trail === "," && k > from && words[k - 1]!.trail === "") return { start: k, end: k + 1 };
    // "… in 1920, actually?": set off by a comma, "actually" closes the repair as the other cues do.
    if (w.trail === "," && next?.endsSentence === true && (TRAILING_CUES.has(next.core) || next.core === "actually")) return { start: k + 1, end: k + 2 };
    if (!w.endsSentence) { if (w.trail.length > 0) return null; continue; }
    if (k <= from || words[k - 1]!.trail !== "") return null;
    if (TRAILING_CUES.has(w.core)) return { start: k, end: k + 1 };
    const saidI = words[k - 1]!.core === "i" && k - 1 > from && words[k - 2]!.trail === "";
    return saidI && (w.core === "mean" || w.core === "meant") ? { start: k - 1, end: k + 1 } : null;
  }
  return null;
}

/** How far into the repair a "not X" disowning the reparandum is looked for. */
const MAX_DISOWN_DISTANCE = 8;

/**
 * "which famous writer, no sorry, which famous evolutionist not writer was ...", "the first
 * American, no, the first European not American": the repair disowns a word of the
 * reparandum; with the reparandum gone, "not writer" refers to nothing and goes with it.
 */
export function disowningTail(words: readonly WordView[], r: Removal): Removal | null {
  const said = new Set<string>();
  for (let k = r.start; k < r.end; k++) if (!FUNCTION_WORDS.has(words[k]!.core)) said.add(words[k]!.core);
  for (let k = r.end; k < Math.min(words.length - 1, r.end + MAX_DISOWN_DISTANCE); k++) {
    const w = words[k]!;
    // After a subject or an auxiliary "not" negates the verb ("what did they not share?"): nothing is disowned.
    // Opening the repair, it is put before the word said again ("did develop wait not develop"), but after "no".
    const opensRepair = k === r.end && words[k - 1]!.core !== "no";
    if (w.core === "not" && w.trail === "" && said.has(words[k + 1]!.core) && !FUNCTION_WORDS.has(words[k - 1]!.core) && !opensRepair) {
      // "per hectare not square kilometer": all the words disowned go, not the first alone.
      let end = k + 2;
      while (end < words.length && words[end - 1]!.trail === "" && said.has(words[end]!.core)) end++;
      return { ...r, start: k, end };
    }
    if (w.endsSentence) break;
  }
  return null;
}

/**
 * "We will discuss, I mean explore, the options": inside a clause, a comma opened the correction after
 * the reparandum, and the repair, as long as the reparandum, closes it with another; where the clause goes
 * on after it (no new clause, quote or name opens there), that comma is the repair's closing mark and goes
 * with the correction. Its word index, else -1.
 */
export function asideClosedAfterRepair(words: readonly WordView[], r: Removal, cueStart: number): number {
  const before = words[r.start - 1];
  const opened = words[cueStart - 1];
  const length = cueStart - r.start;
  if (before === undefined || before.trail !== "" || before.endsSentence || opened === undefined || opened.trail !== ",") return -1;
  const last = r.end + length - 1;
  for (let k = r.end; k < last; k++) if (words[k] === undefined || words[k]!.trail !== "") return -1;
  const closer = words[last];
  const after = words[last + 1];
  if (closer === undefined || closer.trail !== "," || after === undefined || after.capitalised || OPENS_CLAUSE_AFTER_COMMA.has(after.core)) return -1;
  return SUBJECT_PRONOUNS.has(after.core) || SUBJECT_CONTRACTIONS.has(after.core) || WH_WORDS.has(after.core) ? -1 : last;
}

/** After these a comma is the sentence's own: "cells, and what are they", "next quarter, which is". */
const OPENS_CLAUSE_AFTER_COMMA: ReadonlySet<string> = new Set([
  "and", "but", "or", "so", "which", "who", "whom", "whose", "that", "where", "when", "because", "if", "though", "although", "while", "as",
  "since", "until", "unless", "then", "there", "this", "these", "those",
]);
