// Turning removal candidates into edits and a new token list. Rules only find
// spans; this file decides which spans win, records each removed word as an edit, and
// tidies what a removal leaves behind (PIPELINE.md "punctuation left behind"):
// a sentence end moves to the previous kept word, commas bracketing a removal
// go together, and a capital the removed span opened a sentence with passes to
// the next kept word. Tidy-ups are proposed with the removal's rule and
// confidence, so they are applied or suggested together with it.
import type { Token } from "../../tokens.js";
import { withText } from "../../tokens.js";
import type { StageEnv } from "../../stage.js";
import { capitalizeSentenceStart, endsSentence, sentenceMarkOf, stripSoftTrail } from "../../text.js";
import type { DisfluencyRule } from "./options.js";
import { ARTICLES, NOUN_DETERMINERS, POSSESSIVE_DETERMINERS, SUBJECT_CONTRACTIONS, SUBJECT_PRONOUNS, type WordView } from "./words.js";

/** A half-open token range [start, end) a rule proposes to remove. */
export interface Removal {
  start: number;
  end: number;
  rule: DisfluencyRule;
  confidence: number;
  /**
   * A later word whose trailing comma closed the aside the removal opens: "will discuss, I mean explore,
   * the options" -> "will explore the options". The comma goes when the removal does.
   */
  closingComma?: number;
}

/** Punctuation a removed word may carry; quotes/brackets would unbalance a pair, so spans holding them are skipped. */
const REMOVABLE_PUNCT = new Set([",", ";", ":", ".", "?", "!", "\u2026", "-", "\u2013", "\u2014"]);
/** Ends in any terminal mark (incl. "Dr.", "so..."): a moved sentence end would be doubled. */
const ENDS_IN_TERMINAL_MARK = /[.?!\u2026]["'\u201D\u2019)\]]*$/u;
const BROKEN_OFF = /[-\u2014]$/u;

function removablePunctuation(words: readonly WordView[], r: Removal): boolean {
  for (let i = r.start; i < r.end; i++) {
    const w = words[i]!;
    for (const ch of w.lead) if (!REMOVABLE_PUNCT.has(ch)) return false;
    if (pluralPossessive(words, i)) continue;
    for (const ch of w.trail) if (!REMOVABLE_PUNCT.has(ch)) return false;
  }
  return true;
}

/** "the Mongols' surrender": an apostrophe after a plural's "s" with no single quote opened before it in the sentence marks a possessive, not a quote. */
function pluralPossessive(words: readonly WordView[], i: number): boolean {
  const w = words[i]!;
  if ((w.trail !== "'" && w.trail !== "\u2019") || !w.core.endsWith("s")) return false;
  for (let k = i; k >= 0 && (k === i || !words[k]!.endsSentence); k--) if (words[k]!.lead.includes("'") || words[k]!.lead.includes("\u2018")) return false;
  return true;
}

/**
 * Chooses non-overlapping spans. `byPriority` lists each rule's candidates,
 * most trusted rule first. Spans that will be applied claim their tokens first,
 * so a suggested-only self-repair never blocks the sure filler inside it.
 */
export function resolveRemovals(
  byPriority: readonly (readonly Removal[])[],
  words: readonly WordView[],
  threshold: number,
  suggest: boolean,
): Removal[] {
  const claimed = new Uint8Array(words.length);
  const chosen: Removal[] = [];
  const take = (applied: boolean) => {
    for (const list of byPriority) {
      for (const r of list) {
        if (r.confidence >= threshold !== applied || r.end <= r.start) continue;
        let free = true;
        for (let i = r.start; i < r.end && free; i++) free = claimed[i] === 0;
        if (!free || !removablePunctuation(words, r)) continue;
        claimed.fill(1, r.start, r.end);
        chosen.push(r);
      }
    }
  };
  take(true);
  if (suggest) take(false);
  return widenOverHangingDeterminers(chosen.sort((a, b) => a.start - b.start), words, threshold);
}

const CLAUSE_SUBJECTS: ReadonlySet<string> = new Set([...SUBJECT_PRONOUNS, ...SUBJECT_CONTRACTIONS, "i'm", "i've", "i'll", "i'd", "we'll", "we've", "they'll", "they've", "you'll", "you've"]);

/**
 * "The nerds- I mean it's like", "some of the features- I like it": a determiner left right before
 * a new clause's subject belonged to the phrase the removal abandoned, and goes with it.
 */
function widenOverHangingDeterminers(chosen: Removal[], words: readonly WordView[], threshold: number): Removal[] {
  for (let n = 0; n < chosen.length; n++) {
    const r = chosen[n]!;
    const det = words[r.start - 1];
    if (r.confidence < threshold || det === undefined || det.trail !== "" || !NOUN_DETERMINERS.has(det.core)) continue;
    // Already removed with the span before.
    if (n > 0 && chosen[n - 1]!.end >= r.start) continue;
    // The next word kept, past removals that follow on directly.
    let e = r.end;
    for (let m = n + 1; m < chosen.length && chosen[m]!.start === e; m++) e = chosen[m]!.end;
    const next = words[e];
    if (next !== undefined && CLAUSE_SUBJECTS.has(next.core)) chosen[n] = { ...r, start: r.start - 1 };
  }
  return chosen;
}

/**
 * After a filler bracketed by commas these open a clause of their own, so the comma before the filler
 * was the sentence's: "if we can do that, um, we can" -> "if we can do that, we can".
 */
const CLAUSE_STARTS: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, ...SUBJECT_CONTRACTIONS, "there", "this", "these", "those", "and", "but", "so", "because", "then",
]);
/** Openers whose comma stays when a filler after them goes: "Well, um, we" -> "Well, we". */
const OPENERS_WITH_COMMA: ReadonlySet<string> = new Set(["well", "so", "yeah", "yes", "no", "okay", "ok", "oh", "now", "and", "but", "right"]);

/**
 * The previous kept word's new text once the span goes, or null to leave it. `opener` is the word
 * before the span when it opens its sentence; `next` the word after the span.
 */
function tidiedPrevious(
  prev: string, last: WordView, rule: DisfluencyRule, opener: WordView | undefined, next: WordView | undefined,
  before?: { word: WordView; previous: WordView | undefined },
): string | null {
  const mark = sentenceMarkOf(last.trail);
  // "them- Yeah. standing", "up- mm-hmm about": the dash marked the interruption, which goes with it.
  if (rule === "filler" && BROKEN_OFF.test(prev)) return prev.slice(0, -1);
  if (mark !== "") return ENDS_IN_TERMINAL_MARK.test(prev) ? null : stripSoftTrail(prev) + mark;
  // ", like," brackets an aside: both commas go. A restart's comma only marked the break
  // ("Yeah, that, that's true"): the comma before it is the sentence's own and stays.
  if (last.trail.startsWith(",") && prev.endsWith(",") && rule !== "repetition" && rule !== "self_repair") {
    const sentences = (next !== undefined && CLAUSE_STARTS.has(next.core)) || (opener !== undefined && OPENERS_WITH_COMMA.has(opener.core));
    return sentences && !opensWhatFollows(before) ? null : prev.slice(0, -1);
  }
  return null;
}

/** Words that need what follows them: "think that, uh, we" -> "think that we", "and, um, we" -> "and we". */
const NEEDS_WHAT_FOLLOWS: ReadonlySet<string> = new Set([
  ...ARTICLES, ...POSSESSIVE_DETERMINERS, "to", "of", "with", "for", "in", "on", "at", "from", "by", "and", "or", "but", "because", "if", "when", "since",
  "than", "as",
]);
/** Verbs after which "that" opens their clause rather than ending a sentence as its object ("I like that, we can go"). */
const CLAUSE_VERBS: ReadonlySet<string> = new Set([
  "think", "thought", "know", "knew", "say", "said", "says", "believe", "believed", "mean", "meant", "hope", "feel", "felt", "guess",
  "realize", "realized", "is", "was", "so", "sure", "means",
]);

/** The kept word before a comma-bracketed filler cannot end a clause, so the comma before the filler goes too. */
function opensWhatFollows(before: { word: WordView; previous: WordView | undefined } | undefined): boolean {
  if (before === undefined) return false;
  const core = before.word.core;
  if (core === "that") return before.previous !== undefined && before.previous.trail === "" && CLAUSE_VERBS.has(before.previous.core);
  // "Well, um, we" / "And, uh, we": an opener keeps its comma (OPENERS_WITH_COMMA).
  return NEEDS_WHAT_FOLLOWS.has(core);
}

export function applyRemovals(tokens: Token[], words: readonly WordView[], removals: readonly Removal[], env: StageEnv): Token[] {
  if (removals.length === 0) return tokens;
  const out: Token[] = [];
  let next = 0;
  let capital: Removal | null = null;
  let closing: Removal | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const r = removals[next];
    if (r === undefined || r.start !== i) {
      let token = tokens[i]!;
      if (closing !== null && closing.closingComma === i) {
        const e = { rule: closing.rule, before: token.text, after: token.text.slice(0, -1), source: token.source, confidence: closing.confidence };
        if (token.text.endsWith(",") && env.propose(e)) token = withText(token, e.after);
        closing = null;
      }
      if (capital !== null) {
        const upper = capitalizeSentenceStart(token.text);
        if (upper !== token.text) {
          const e = { rule: capital.rule, before: token.text, after: upper, source: token.source, confidence: capital.confidence };
          if (env.propose(e)) token = withText(token, upper);
        }
        capital = null;
      }
      out.push(token);
      continue;
    }
    next++;
    // One edit per removed word, so every edit maps to exactly one source word
    // (review UIs and timing stay word-exact); they share a confidence, so the
    // log applies all of them or none.
    let applied = false;
    for (let k = r.start; k < r.end; k++) {
      const t = tokens[k]!;
      applied = env.propose({ rule: r.rule, before: t.text, after: "", source: t.source, confidence: r.confidence });
    }
    const prev = out.length > 0 ? out[out.length - 1]! : undefined;
    // The word before, when it opens its sentence ("Well, um, we").
    const opener = r.start >= 1 && (r.start === 1 || words[r.start - 2]!.endsSentence) ? words[r.start - 1] : undefined;
    const before = r.start >= 1 ? { word: words[r.start - 1]!, previous: r.start >= 2 ? words[r.start - 2] : undefined } : undefined;
    const prevText = prev === undefined ? null : tidiedPrevious(prev.text, words[r.end - 1]!, r.rule, opener, words[r.end], before);
    if (prev !== undefined && prevText !== null) {
      env.propose({ rule: r.rule, before: prev.text, after: prevText, source: prev.source, confidence: r.confidence });
    }
    if (!applied) {
      for (let k = r.start; k < r.end; k++) out.push(tokens[k]!);
      i = r.end - 1;
      continue;
    }
    if (r.closingComma !== undefined) closing = r;
    const startedSentence = prev === undefined ? env.atSentenceStart : endsSentence(prev.text);
    if (prev !== undefined && prevText !== null) out[out.length - 1] = withText(prev, prevText);
    // A removed "Um." opening the segment still ended a sentence: tell casing.
    if (prev === undefined && sentenceMarkOf(words[r.end - 1]!.trail) !== "") env.atSentenceStart = true;
    // "Like, we went" -> "We went": the sentence keeps the capital it opened with.
    if (capital === null && startedSentence && words[r.start]!.capitalised) capital = r;
    i = r.end - 1;
  }
  return out;
}
