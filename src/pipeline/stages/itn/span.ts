// What class matchers see: the segment's tokens as lower-case words (a
// hyphenated token "ninety-five" gives two), with the runs inside which a
// match may merge words. A token with leading or trailing punctuation ends or
// starts a run ("five, six" is two numbers), so a merged span only carries
// punctuation at its outer edges, which the stage puts back around the result.
import { splitAffixes, type Affixes } from "../../text.js";
import type { Token } from "../../tokens.js";
import { SINGLE_LETTER } from "./numbers.js";
import type { ItnOptions } from "./options.js";
import type { ItnTables } from "./tables.js";
import type { NameWords } from "./letters.js";

export interface MatchContext {
  /** Lower-case word parts of the whole segment. */
  readonly words: readonly string[];
  /** The same parts as written (for case-keeping outputs). */
  readonly raw: readonly string[];
  readonly o: ItnOptions;
  readonly t: ItnTables;
  /** The segment reads as written prose: punctuated by the transcriber. */
  readonly writtenProse: boolean;
  /** Exclusive end of the run each word belongs to: words i and i + 1 are one phrase when these agree. */
  readonly runEnd: readonly number[];
  /** The punctuation between words k - 1 and k (k = words.length: after the last word), spaces dropped: "Lamb, h" gives "," before "h". */
  readonly punctBefore: readonly string[];
  /** Token index of each word: the parts of a hyphened token ("four-nineteen") share one. */
  readonly tokenOf: readonly number[];
  /** Name evidence for initials (letters.ts). */
  readonly names: NameWords;
  /** Per-segment memo for readAmount: several classes read the same amount at the same word. */
  readonly amounts: Map<number, unknown>;
}

/** A class's reading of words[i, end). */
export interface SpanMatch {
  end: number;
  text: string;
  confidence: number;
}

/** Tries to read a span starting at word i; `end` bounds it (the run's end). */
export type ClassMatcher = (c: MatchContext, i: number, end: number) => SpanMatch | null;

export interface WordView {
  words: string[];
  raw: string[];
  /** Token index of each word. */
  tokenOf: number[];
  /** Exclusive end of the run each word belongs to. */
  runEnd: number[];
  /** Punctuation between words k - 1 and k, one more entry for after the last word. */
  punctBefore: string[];
  /** Index of each token's first word (-1 for a token with no word). */
  firstWord: number[];
  lead: string[];
  trail: string[];
}

const HYPHENATED = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;
/**
 * A detached clitic ("'s", "'re", "'ll", as space-tokenized text writes
 * "Cherokee 's"): a word of its own, never a spelled letter that a number
 * after it could join ("'s two point eight" is not a code "s2").
 */
const CLITIC = /^['\u2019](?:s|re|ve|ll|d|m|t|em)$/i;

/** The word begins with a capital (respect_case reads such a number word as a name's). */
export function startsUpper(text: string): boolean {
  const first = text[0];
  return first !== undefined && first !== first.toLowerCase();
}

/** Lead, core, trail of a token, as every stage splits them. */
export const coreOf: (text: string) => Affixes = splitAffixes;

/**
 * `possessiveOf` says which words keep their possessive "'s" apart as trailing punctuation: a number
 * word ("twenty one's" reads "21's", "x eighty six's" "x86's"), where the mark would otherwise hide
 * the word's value.
 */
export function buildWordView(tokens: readonly Token[], possessiveOf: (word: string) => boolean = () => false): WordView {
  const v: WordView = { words: [], raw: [], tokenOf: [], runEnd: [], punctBefore: [], firstWord: [], lead: [], trail: [] };
  let runStart = 0;
  let punct = "";
  const closeRun = () => {
    for (let k = runStart; k < v.words.length; k++) v.runEnd[k] = v.words.length;
    runStart = v.words.length;
  };
  for (let t = 0; t < tokens.length; t++) {
    let { lead, core, trail } = coreOf(tokens[t]!.text);
    // Cheap test first: most words end in no "'s".
    if (core.length > 2 && core[core.length - 1] === "s" && (core[core.length - 2] === "'" || core[core.length - 2] === "\u2019") &&
      possessiveOf(core.slice(0, -2).toLowerCase())) {
      trail = core.slice(-2) + trail;
      core = core.slice(0, -2);
    }
    v.lead.push(lead);
    v.trail.push(trail);
    if (core === "") {
      v.firstWord.push(-1);
      punct += tokens[t]!.text.replace(/\s+/g, "");
      closeRun();
      continue;
    }
    if (lead !== "") closeRun();
    v.firstWord.push(v.words.length);
    const parts = core.includes("-") && HYPHENATED.test(core) ? core.split("-") : [core];
    punct += lead;
    for (const part of parts) {
      v.words.push(part.toLowerCase());
      v.raw.push(part);
      v.tokenOf.push(t);
      v.punctBefore.push(punct);
      punct = "";
    }
    punct = trail;
    if (trail !== "" || CLITIC.test(lead + core)) closeRun();
  }
  closeRun();
  v.punctBefore.push(punct);
  return v;
}

/** The last label of an address ITN wrote ("o.twelve" -> "twelve"); any other word is itself. */
export function lastLabel(word: string): string {
  return word.replace(/^.*\./, "");
}

/** words[i - 1] is an abbreviated label with its period: "p. one", "p . one" (space-tokenized), "vol. two". */
function afterAbbreviatedLabel(c: MatchContext, i: number): boolean {
  return i > 0 && c.punctBefore[i] === "." && c.t.abbreviatedLabels.has(c.words[i - 1]!);
}

/**
 * words[i] follows a number label ("level two", "volume one"; config/itn/en/labels.tsv) with no
 * punctuation between, or an abbreviated one with its period ("p. one"), where the profile writes
 * labelled numbers in digits.
 */
export function afterNumberLabel(c: MatchContext, i: number): boolean {
  return c.o.digitsAfterLabels && (labelledAt(c, i) || inLabelledList(c, i) || isIssueNumber(c, i));
}

/**
 * "volume seventy five ( three ) : two seventy nine": a number alone in brackets after a
 * volume's number, before the pages' colon, is the issue's, a citation's label as much as "p." is.
 */
function isIssueNumber(c: MatchContext, i: number): boolean {
  const before = c.words[i - 1];
  if (before === undefined || !c.punctBefore[i]!.endsWith("(") || c.runEnd[i] !== i + 1) return false;
  const after = c.punctBefore[i + 1] ?? "";
  if (!/^\)[:,]/.test(after)) return false;
  return /^\d+$/.test(before) || c.t.numbers.has(before) || c.t.scales.has(before);
}

/** A word said as part of a number: a cardinal word, a scale, or a zero read in digits ("o"). */
export function isNumberWord(c: MatchContext, w: string | undefined): boolean {
  return w !== undefined && (c.t.numbers.has(w) || c.t.scales.has(w) || c.t.zeroDigits.has(w));
}

function labelledAt(c: MatchContext, i: number): boolean {
  return afterLabelIn(c, i, c.t.labels) || afterAbbreviatedLabel(c, i);
}

/** The words a spoken reference starts with; a number after one is its label. */
export const REFERENCE_WORDS: ReadonlySet<string> = new Set(["chapter", "chapters", "verse", "verses", "section", "sections", "page", "pages", "paragraph", "article", "canto", "sutra"]);

const LIST_NUMBER = /^\d+$/;
/** Items of a list looked back over for its label. */
const MAX_LIST_ITEMS = 8;

/** words[i] goes on a list of numbers a label or a reference opened: "chapters two, three and four". */
function inLabelledList(c: MatchContext, i: number): boolean {
  let k = i;
  for (let n = 0; n < MAX_LIST_ITEMS; n++) {
    let j = k - 1;
    if (j >= 0 && (c.words[j] === "and" || c.words[j] === "or") && c.punctBefore[k] === "") j--;
    else if (c.punctBefore[k] !== ",") return false;
    const w = c.words[j];
    if (w === undefined || !(isNumberWord(c, w) || LIST_NUMBER.test(w))) return false;
    // An item said in several words ("twenty thirty", "six hundred") is one item, as a second run sees it written.
    while (j > 0 && c.punctBefore[j] === "" && isNumberWord(c, c.words[j]) && isNumberWord(c, c.words[j - 1])) j--;
    // A scale word alone ("p. Thousand,") is no number, as a first run left it.
    if (c.t.scales.has(c.words[j]!)) return false;
    if (labelledAt(c, j) || afterLabelIn(c, j, REFERENCE_WORDS)) return true;
    k = j;
  }
  return false;
}

/** An amount ITN wrote ("$10") starts at words[k]: its currency sign opens a run of its own. */
export function writtenAmountAt(c: MatchContext, k: number): boolean {
  return /^\p{Sc}/u.test(c.punctBefore[k] ?? "");
}

/** words[i - 1] is one of `labels`, with no punctuation between it and words[i] ("level two", "vitamin d", "zip code …"). */
export function afterLabelIn(c: MatchContext, i: number, labels: ReadonlySet<string>): boolean {
  if (i === 0 || c.runEnd[i - 1] !== c.runEnd[i]) return false;
  return labels.has(c.words[i - 1]!) || spelledLabelBefore(c, i, labels);
}

/** Most letters of a label spelled out ("p m i d"). */
const MAX_SPELLED_LABEL = 6;

/** "p m i d ten million …": the letters before words[i], and no letter before them, spell a label ("PMID 10667370"). */
function spelledLabelBefore(c: MatchContext, i: number, labels: ReadonlySet<string>): boolean {
  let spelled = "";
  for (let k = i - 1; k >= 0 && i - k <= MAX_SPELLED_LABEL && SINGLE_LETTER.test(c.words[k]!) && c.runEnd[k] === c.runEnd[i]; k--) {
    spelled = c.words[k]! + spelled;
    const opens = k === 0 || c.runEnd[k - 1] !== c.runEnd[k] || !SINGLE_LETTER.test(c.words[k - 1]!);
    if (i - k >= 2 && opens && labels.has(spelled)) return true;
  }
  return false;
}

/**
 * The word before words[i] (anywhere in the segment) is a number, spoken or
 * written, or holds digits ("gmt00"): a letter after it is a unit or suffix ("0 m", "5 s"), not the start
 * of a code or address.
 */
export function followsNumber(c: MatchContext, i: number): boolean {
  if (i === 0) return false;
  // An address ITN wrote ends in its last label: "o.twelve" ends in a number as "o dot twelve" did.
  const prev = lastLabel(c.words[i - 1]!);
  // An "o" joined to a spelled letter is the letter ("g m t o" is "GMTO"), as a second run reads it; not after
  // a unit joined to its number ("0 h o": the "h" is the number's; not so across "zero! m o").
  if (c.t.zeroDigits.has(prev)) {
    const afterLetter = i >= 2 && SINGLE_LETTER.test(c.words[i - 2]!) && c.runEnd[i - 2] === c.runEnd[i - 1];
    const unitLetter = afterLetter && i >= 3 && c.runEnd[i - 3] === c.runEnd[i - 2] && followsNumber(c, i - 2);
    return !afterLetter || unitLetter;
  }
  return /\d/.test(prev) || c.t.numbers.has(prev) || c.t.scales.has(prev);
}

/** The word at words[k] (anywhere in the segment) is a number word that is not a digit, or a written number. */
export function isNumberAt(c: MatchContext, k: number): boolean {
  const w = c.words[k];
  if (w === undefined) return false;
  if (/^\d/.test(w)) return true;
  const n = c.t.numbers.get(w);
  return (n !== undefined && n >= 10) || c.t.scales.has(w);
}
