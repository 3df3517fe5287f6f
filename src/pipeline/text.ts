// Small text helpers shared by stages. All regexes are compiled once at module
// load: stages run thousands of times a second in worker threads.

const EDGE_PUNCT = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u;
const INITIALISM = /^(?:\p{L}\.){2,}$/u;
const CLOSERS = new Set([")", "]", "}", '"', "'", "\u201D", "\u2019", "\u00BB"]);
const SENTENCE_MARKS = new Set([".", "?", "!"]);
/** Trailing punctuation that only pauses a sentence. */
const SOFT_MARKS = new Set([",", ";", ":", "-", "\u2013", "\u2014"]);

/** Abbreviations whose period does not end a sentence (lowercase, with the period). */
const ABBREVIATIONS = new Set(["mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sr.", "jr.", "vs.", "cf.", "approx."]);

export interface Affixes {
  /** Punctuation/symbols before the first letter or digit. */
  lead: string;
  /** From the first to the last letter or digit. */
  core: string;
  /** Punctuation/symbols after the last letter or digit. */
  trail: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** ASCII letters and digits by code; anything else by its Unicode class. */
function isLetterOrDigit(code: number, char: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER_OR_DIGIT.test(char);
}

/** Splits "“Um,”" into lead "“", core "Um", trail ",”". A word with no letter or digit is all lead. */
export function splitAffixes(word: string): Affixes {
  // Most words start and end with a letter: no regular expression for them.
  if (word.length > 0 && isLetterOrDigit(word.charCodeAt(0), word[0]!) && isLetterOrDigit(word.charCodeAt(word.length - 1), word[word.length - 1]!)) {
    return { lead: "", core: word, trail: "" };
  }
  const m = EDGE_PUNCT.exec(word);
  if (m === null) return { lead: "", core: word, trail: "" };
  return { lead: m[1]!, core: m[2]!, trail: m[3]! };
}

/**
 * True when the word ends a sentence: its last mark (ignoring closing quotes and
 * brackets) is . ? or !. Ellipses ("...", "…") mark trailing off, not an end;
 * known abbreviations ("Dr.") and initialisms ("U.S.", "p.m.") are not ends either,
 * because a wrong capital is worse than a missing one.
 */
export function endsSentence(text: string): boolean {
  if (text.length > 0 && isLetterOrDigit(text.charCodeAt(text.length - 1), text[text.length - 1]!)) return false;
  // A merged token ("5:30 p.m.", "July 4, 2020") ends a sentence as its last word does.
  const space = text.lastIndexOf(" ");
  const word = space < 0 ? text : text.slice(space + 1);
  let end = word.length;
  while (end > 0 && CLOSERS.has(word[end - 1]!)) end--;
  if (end === 0) return false;
  const last = word[end - 1]!;
  if (!SENTENCE_MARKS.has(last)) return false;
  if (last === "." && end >= 2 && word[end - 2] === ".") return false;
  const bare = end === word.length ? word : word.slice(0, end);
  if (last === "." && (ABBREVIATIONS.has(bare.toLowerCase()) || INITIALISM.test(bare))) return false;
  return true;
}

/** The sentence-final mark a trailing punctuation run carries (".", "?", "!"), or "" for none/ellipsis. */
export function sentenceMarkOf(trail: string): string {
  if (trail.includes("...") || trail.includes("\u2026")) return "";
  for (let i = trail.length - 1; i >= 0; i--) {
    const ch = trail[i]!;
    if (SENTENCE_MARKS.has(ch)) return ch;
    if (!CLOSERS.has(ch)) return "";
  }
  return "";
}

/** True when every character of the run is a pause mark (",", ";", ":", dashes) — i.e. safe to drop. */
export function isSoftPunctuation(run: string): boolean {
  for (const ch of run) if (!SOFT_MARKS.has(ch)) return false;
  return true;
}

/** Removes trailing pause marks: "we," -> "we". Leaves "went." and "said”" alone. */
export function stripSoftTrail(word: string): string {
  let end = word.length;
  while (end > 0 && SOFT_MARKS.has(word[end - 1]!)) end--;
  return end === word.length ? word : word.slice(0, end);
}

/** True when the word ends in a comma (the half of a ", uh," pair before the filler). */
export function endsWithComma(word: string): boolean {
  return word.endsWith(",");
}

/**
 * Upper-cases the first character when it is a lowercase letter and the rest of
 * the word has no capitals (so "iPhone", "eBay" keep their brand casing).
 * Returns the word unchanged otherwise — including words starting with a digit,
 * a symbol or an uncased script. A token an earlier stage merged ("the 1st
 * January") is judged by its first word, as its words are when they come back.
 */
export function capitalizeSentenceStart(word: string): string {
  const first = word.codePointAt(0);
  if (first === undefined) return word;
  const ch = String.fromCodePoint(first);
  const upper = ch.toUpperCase();
  if (upper === ch || ch !== ch.toLowerCase()) return word;
  const rest = word.slice(ch.length);
  const space = rest.indexOf(" ");
  const firstWordRest = space < 0 ? rest : rest.slice(0, space);
  if (firstWordRest !== firstWordRest.toLowerCase()) return word;
  return upper + rest;
}
