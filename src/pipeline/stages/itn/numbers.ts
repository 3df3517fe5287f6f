// The shared number-word parser: cardinals ("two thousand and five",
// "twenty one hundred", "twenty one crore ninety eight lakh …"), two-digit
// pairs ("nineteen ninety five", "nineteen oh five"), digit strings
// ("one two three", "double five") and decimals. Values are BigInt so long
// readings ("seventeen sextillion …") stay exact.
import { matchPhrase, type ItnTables } from "./tables.js";

export interface CardinalReading {
  /** Index after the last consumed word. */
  end: number;
  value: bigint;
  words: number;
  /**
   * Set when the reading is exactly head × one "-illion" scale ("four hundred
   * million"): such amounts are written "400 million", not "400000000".
   */
  namedScale?: { head: bigint; wordIndex: number };
}

const ZERO = 0n;

/**
 * The cardinal starting at words[i], longest first; null when words[i] is not a number word. "a" counts
 * one before "hundred" or a scale when more of the number follows ("a hundred and fifty" -> 150, "a
 * hundred thousand"), or a percent sign or a currency ("a hundred percent", "a million dollars"), never
 * alone: "a hundred people", "a million reasons" stay as said.
 */
export function readCardinal(t: ItnTables, words: readonly string[], i: number, end: number): CardinalReading | null {
  if (words[i] === "a") return readWithArticle(t, words, i, end);
  return readFrom(t, words, i, end, 0);
}

/**
 * Before "a" + scale (or "of a" + scale) these take a share of it: "half a million dollars" is no "half $1 million".
 * An ordinal ITN wrote ("10th") counts as it did said ("tenth"), so a second run reads what the first did.
 */
const SHARES_OF_SCALE: ReadonlySet<string> = new Set(["half", "quarter", "third", "fraction", "tenth"]);
/** An ordinal as ITN writes it: "21st", "10th". */
export const WRITTEN_ORDINAL = /^\d+(?:st|nd|rd|th)$/;

function sharesScale(w: string | undefined): boolean {
  return w !== undefined && (SHARES_OF_SCALE.has(w) || WRITTEN_ORDINAL.test(w));
}

function readWithArticle(t: ItnTables, words: readonly string[], i: number, end: number): CardinalReading | null {
  const scale = words[i + 1];
  if (i + 2 >= end || scale === undefined || (scale !== "hundred" && !t.scales.has(scale))) return null;
  if (sharesScale(words[i - 1]) || (words[i - 1] === "of" && sharesScale(words[i - 2]))) return null;
  if (signedOrPriced(t, words, i + 2, end)) {
    const r = readFrom(t, words, i + 1, i + 2, 1);
    return r === null ? null : { ...r, words: 2 };
  }
  const next = words[i + 2] === "and" ? words[i + 3] : words[i + 2];
  if (next === undefined || !(t.numbers.has(next) || t.scales.has(next)) || t.numbers.get(next) === 0) return null;
  const r = readFrom(t, words, i + 1, end, 1);
  if (r === null || r.end <= i + 2) return null;
  return { ...r, words: r.end - i };
}

/** How many words at words[j] say the percent sign: "percent" 1, "per cent" 2, else 0. */
export function percentWordsIn(words: readonly string[], j: number, end: number): number {
  if (words[j] === "percent" && j < end) return 1;
  return words[j] === "per" && words[j + 1] === "cent" && j + 1 < end ? 2 : 0;
}

/** words[k] says a percent sign or opens a currency: "a hundred percent", "a million dollars", "eight percent". */
export function signedOrPriced(t: ItnTables, words: readonly string[], k: number, end: number): boolean {
  return percentWordsIn(words, k, end) > 0 || matchPhrase(t.currencies, words, k, end) !== null;
}

/** `seed` is a group already counted before words[i] (the "a" of "a hundred"). */
function readFrom(t: ItnTables, words: readonly string[], i: number, end: number, seed: number): CardinalReading | null {
  let total = ZERO;
  let group = seed; // current group below the next scale (may reach 9999 for "ninety nine hundred")
  let tailKind = seed > 0 ? 1 : 0; // what the part after "hundred" holds so far: 0 none, 1 unit, 2 teen, 3 tens
  let hasHundred = false;
  let lastScale: bigint | undefined;
  let best: CardinalReading | null = null;
  for (let j = i; j < end; j++) {
    const w = words[j]!;
    const n = t.numbers.get(w);
    if (n !== undefined) {
      if (n === 0) {
        // "zero" only stands alone; "one zero" is a digit string, not a cardinal.
        if (j !== i) break;
        return { end: i + 1, value: ZERO, words: 1 };
      }
      if (n < 10) {
        if (tailKind === 1 || tailKind === 2) break;
      } else if (tailKind !== 0) break;
      group += n;
      tailKind = n < 10 ? 1 : n < 20 ? 2 : 3;
    } else if (w === "hundred") {
      // "eleven hundred", "twenty one hundred": only before any larger scale.
      if (group === 0 || hasHundred || (group >= 10 && lastScale !== undefined) || group > 99) break;
      group *= 100;
      tailKind = 0;
      hasHundred = true;
    } else if (w === "and") {
      // "two hundred and fifty four", "two thousand and five": "and" only joins into a tail.
      const next = j + 1 < end ? t.numbers.get(words[j + 1]!) : undefined;
      if (next === undefined || next === 0 || tailKind !== 0 || (!hasHundred && lastScale === undefined)) break;
      if (hasHundred === false && group !== 0) break;
      // "eight hundred and nine hundred", "eight thousand and nine thousand": a scale after the tail as big
      // as the one before "and" makes "and" join two numbers ("between 800 and 900 feet").
      let k = j + 1;
      while (k < end && k < j + 3 && (t.numbers.get(words[k]!) ?? 100) < 100) k++;
      const after = k < end ? t.scales.get(words[k]!) : undefined;
      if (after !== undefined && ((after === 100n && hasHundred) || (lastScale !== undefined && after >= lastScale))) break;
      continue;
    } else {
      const scale = t.scales.get(w);
      if (scale === undefined || scale === 100n || group === 0 || (lastScale !== undefined && scale >= lastScale)) break;
      const firstScale = total === ZERO;
      total += BigInt(group) * scale;
      best = { end: j + 1, value: total, words: j + 1 - i };
      if (firstScale && w.endsWith("illion")) best.namedScale = { head: BigInt(group), wordIndex: j };
      lastScale = scale;
      group = 0;
      tailKind = 0;
      hasHundred = false;
      continue;
    }
    best = { end: j + 1, value: total + BigInt(group), words: j + 1 - i };
  }
  return best;
}

/** 10..99 as one or two words ("nineteen", "ninety five"), or null. */
export function readTwoDigits(t: ItnTables, words: readonly string[], i: number, end: number): { value: number; end: number } | null {
  if (i >= end) return null;
  const n = t.numbers.get(words[i]!);
  if (n === undefined || n < 10) return null;
  if (n >= 20) {
    const unit = i + 1 < end ? t.numbers.get(words[i + 1]!) : undefined;
    if (unit !== undefined && unit > 0 && unit < 10) return { value: n + unit, end: i + 2 };
  }
  return { value: n, end: i + 1 };
}

/** "seventy fives" -> "75s": a tens word and a unit's plural, or null. */
export function readPluralTens(t: ItnTables, words: readonly string[], i: number, end: number): { text: string; end: number } | null {
  if (i + 1 >= end) return null;
  const tens = t.numbers.get(words[i]!);
  const unit = t.plurals.get(words[i + 1]!);
  if (tens === undefined || unit === undefined || tens < 20 || tens % 10 !== 0) return null;
  return { text: `${tens + unit}s`, end: i + 2 };
}

/** A digit word: 0..9 or a zero reading ("oh", "o"). */
export function digitOf(t: ItnTables, word: string): number | undefined {
  const n = t.numbers.get(word);
  if (n !== undefined) return n < 10 ? n : undefined;
  return t.zeroDigits.has(word) ? 0 : undefined;
}

/**
 * The second half of a paired reading ("ninety five", "oh five") after a
 * first half: a value 0..99 rendered as two digits, or null.
 */
export function readPairTail(t: ItnTables, words: readonly string[], i: number, end: number): { digits: string; end: number } | null {
  if (i >= end) return null;
  if (t.zeroDigits.has(words[i]!) && i + 1 < end) {
    const d = t.numbers.get(words[i + 1]!);
    if (d !== undefined && d > 0 && d < 10) return { digits: `0${d}`, end: i + 2 };
    return null;
  }
  const two = readTwoDigits(t, words, i, end);
  return two ? { digits: String(two.value), end: two.end } : null;
}

/** Words that repeat the digit after them ("double five" -> "55"), and how often. */
export const REPEATS: ReadonlyMap<string, number> = new Map([["double", 2], ["triple", 3]]);

/**
 * A string of spoken digits: "one two three", "double five", "triple o".
 * Returns the digits and end, or null when fewer than `min` digits were read.
 */
export function readDigitString(t: ItnTables, words: readonly string[], i: number, end: number, min = 1): { digits: string; end: number } | null {
  let digits = "";
  let j = i;
  while (j < end) {
    const w = words[j]!;
    const repeat = REPEATS.get(w) ?? 1;
    const d = digitOf(t, repeat > 1 && j + 1 < end ? words[j + 1]! : w);
    if (d === undefined || spellsLetters(words, j, end)) break;
    digits += String(d).repeat(repeat);
    j += repeat > 1 ? 2 : 1;
  }
  return digits.length >= min ? { digits, end: j } : null;
}

/** A word that is one letter (spelled out: "u k", "x eighty six"). */
export const SINGLE_LETTER = /^\p{L}$/u;

/**
 * An "o" that starts a run of spelled letters ("o c l c"): the letter, not a zero ("… two one o c l c" is
 * "21 OCLC"). The run's end may already be a code a first run joined ("o g m t zero" -> "o g mt0").
 */
function spellsLetters(words: readonly string[], j: number, end: number): boolean {
  if (words[j] !== "o" || j + 2 >= end) return false;
  const [second, third] = [words[j + 1]!, words[j + 2]!];
  if (second === "o" || !SINGLE_LETTER.test(second)) return false;
  return (third !== "o" && SINGLE_LETTER.test(third)) || JOINED_CODE.test(third);
}
const JOINED_CODE = /^[a-z]+\d+$/;

/** Digits grouped by thousands with `separator`, when the number has at least `minDigits` digits. */
export function groupThousands(digits: string, separator: string, minDigits: number): string {
  if (separator === "" || digits.length < minDigits) return digits;
  let out = "";
  let first = digits.length % 3 || 3;
  out = digits.slice(0, first);
  for (; first < digits.length; first += 3) out += separator + digits.slice(first, first + 3);
  return out;
}

/** "second" is left out on purpose: "one second" is a duration. */
const SPECIAL_DENOMINATORS = new Map([
  ["half", 2], ["halves", 2], ["quarter", 4], ["quarters", 4],
]);

/** The denominator a word names, when its number agrees: "one third", "two thirds", not "twenty third". */
export function readDenominator(t: ItnTables, word: string, plural: boolean): number | null {
  if (plural !== (word.endsWith("s") || word === "halves")) return null;
  const special = SPECIAL_DENOMINATORS.get(word);
  if (special !== undefined) return special;
  const singular = plural ? word.slice(0, -1) : word;
  if (singular === "second") return null;
  const cardinalWord = t.ordinals.get(singular);
  const n = cardinalWord === undefined ? undefined : t.numbers.get(cardinalWord);
  return n === undefined || n < 3 ? null : n;
}
