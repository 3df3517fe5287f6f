// Amounts: the number part shared by cardinal, decimal, money, measure and
// percent — "minus twenty five", "eighteen point o five", "point two",
// "five point two million", "four hundred million".
import { groupThousands, readCardinal, readDigitString, readTwoDigits, SINGLE_LETTER } from "./numbers.js";
import type { MatchContext } from "./span.js";
import { matchPhrase } from "./tables.js";

export interface Amount {
  end: number;
  /** The number as written, without any scale word: "-25,037", "18.05", ".2", "400". */
  number: string;
  /** A scale word kept as a word, with a leading space and the speaker's case: " million", " Million", or "". */
  scale: string;
  /** The exact value when integral and without a kept scale word. */
  integer: bigint | undefined;
  /** Spoken words read (small-number policy applies to one-word amounts). */
  words: number;
  negative: boolean;
}

const NEGATIVE = new Set(["minus", "negative"]);

/**
 * An integer with the profile's thousands separator. `said` is the span of words it was read from:
 * a four-digit number takes the separator only when said as a count, with "thousand" ("seven
 * thousand years" -> "7,000 years"); said as a year would be ("twelve hundred", "two thousand and
 * five", "two thousand") it is written as one ("2005 years ago"), since speech does not tell them apart.
 * "count": the number is known to be a count (the other end of a range is one).
 */
export function formatInteger(c: MatchContext, value: bigint, said?: { start: number; end: number } | "count"): string {
  const digits = (value < 0n ? -value : value).toString();
  // Only four digits are in doubt: the words are looked at for those alone.
  const yearLike = digits.length === 4 && said !== "count" && !(said !== undefined && saidAsCount(c, value < 0n ? -value : value, said));
  const minDigits = yearLike ? 5 : c.o.separatorMinDigits;
  return (value < 0n ? "-" : "") + groupThousands(digits, c.o.thousandsSeparator, minDigits);
}

/**
 * Parts said after "point" past a number, each read by `readPart` from the word after its "point":
 * ".1.3" of a version's "point one point three", ".12" of a section's "point twelve". Empty text where
 * none follows.
 */
export function readDottedParts(c: MatchContext, j: number, end: number, readPart: (k: number) => { text: string; end: number } | null): { text: string; end: number } {
  let text = "";
  while (j + 1 < end && c.words[j] === "point") {
    const part = readPart(j + 1);
    if (part === null) break;
    text += `.${part.text}`;
    j = part.end;
  }
  return { text, end: j };
}

/** A word before a range's first number that makes "to" part of the sentence: "from five to twelve ounces". */
const KEEPS_TO: ReadonlySet<string> = new Set(["from"]);

/** words[i] opens a range said with "from", which keeps its "to" ("from 5 to 12 ounces", "from 1928 to 1954"). */
export function keepsTo(c: MatchContext, i: number): boolean {
  return i > 0 && KEEPS_TO.has(c.words[i - 1]!);
}

/** Scale words said once for both ends of a range ("two to three hundred", "five to six thousand"). */
const SHARED_SCALES: ReadonlyMap<string, bigint> = new Map([["hundred", 100n], ["thousand", 1000n]]);

/**
 * The scale a range's first end takes from its second ("two to three hundred" -> 200-300, "thirty to
 * forty thousand" -> 30,000-40,000): the second is a head then "hundred" or "thousand" alone, and the
 * first is a smaller head. Not "two to three thousand two hundred", whose words before the scale word
 * are not one head, nor "one to two hundred fifty thousand", whose heads are not of a size; undefined when
 * there is no shared scale.
 */
export function sharedRangeScale(c: MatchContext, first: bigint, secondStart: number, secondEnd: number, second: bigint): bigint | undefined {
  const scale = SHARED_SCALES.get(c.words[secondEnd - 1]!);
  if (scale === undefined || second % scale !== 0n) return undefined;
  const head = second / scale;
  // The two heads are of a size ("two to three", "ten to fifteen"): "one to two hundred fifty thousand" is a scale's ratio.
  if (head >= scale || first >= head || first === 0n || first * 10n < head) return undefined;
  const said = readCardinal(c.t, c.words, secondStart, secondEnd - 1);
  return said !== null && said.end === secondEnd - 1 && said.value === head ? scale : undefined;
}

/**
 * A four-digit number said with "thousand", but not as the years 2000-2099 are ("two thousand (and) six"),
 * or any number before a unit or a currency, which no year is ("two thousand feet" -> "2,000 feet").
 */
function saidAsCount(c: MatchContext, value: bigint, said: { start: number; end: number }): boolean {
  // "the year one thousand", "in the year fifteen hundred": named a year, whatever words said it.
  if (said.start > 0 && YEAR_NOUNS.has(c.words[said.start - 1]!) && c.runEnd[said.start - 1] === c.runEnd[said.start]) return false;
  const runEnd = c.runEnd[said.end - 1]!;
  if (said.end < runEnd && (matchPhrase(c.t.units, c.words, said.end, runEnd) !== null || matchPhrase(c.t.currencies, c.words, said.end, runEnd) !== null)) {
    return true;
  }
  let thousand = false;
  let hundred = false;
  for (let k = said.start; k < said.end; k++) {
    if (c.words[k] === "thousand") thousand = true;
    else if (c.words[k] === "hundred") hundred = true;
  }
  return thousand && (hundred || value < 2000n || value > 2099n);
}

const YEAR_NOUNS: ReadonlySet<string> = new Set(["year", "years"]);

const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(["people", "men", "women", "children"]);
/** A plural noun a number counts: "people", "shares" (not "loss", "this"). */
function countsPlural(word: string | undefined): boolean {
  return word !== undefined && (IRREGULAR_PLURALS.has(word) || (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")));
}

/** The amount starting at words[i], or null. `decimals: false` reads integers only. Memoised per segment. */
export function readAmount(c: MatchContext, i: number, end: number, decimals = true): Amount | null {
  const key = (i * 2 + (decimals ? 1 : 0)) * 65536 + Math.min(end, 65535);
  const hit = c.amounts.get(key) as Amount | null | undefined;
  if (hit !== undefined) return hit;
  const read = computeAmount(c, i, end, decimals);
  const a = decimals && read !== null ? withThousandsSuffix(c, end, read) : read;
  c.amounts.set(key, a);
  return a;
}

function computeAmount(c: MatchContext, i: number, end: number, decimals: boolean): Amount | null {
  const { words, raw, t } = c;
  const negative = i < end && NEGATIVE.has(words[i]!);
  const start = negative ? i + 1 : i;
  const sign = negative ? "-" : "";
  if (decimals && words[start] === "point") {
    const frac = readDigitString(t, words, start + 1, end);
    if (frac === null) return null;
    return withScale(c, end, { end: frac.end, number: `${sign}.${frac.digits}`, scale: "", integer: undefined, words: frac.end - i, negative });
  }
  let card = readCardinal(t, words, start, end);
  if (card === null) return null;
  // A reading that ends inside a hyphened token is read again before that token ("ten million and
  // thirteen-twenty" -> "ten million"), so every class sees the amount a second run sees.
  if (card.end < words.length && c.tokenOf[card.end] === c.tokenOf[card.end - 1]) {
    let cut = card.end - 1;
    while (cut > start && c.tokenOf[cut - 1] === c.tokenOf[card.end - 1]) cut--;
    card = cut > start ? readCardinal(t, words, start, cut) : null;
    if (card === null) return null;
  }
  // "fifteen million one time benefit", "fifteen billion three year loans": in prose a lone unit after
  // millions starts what follows; a number that goes on says so ("fifteen million and one"), and so does
  // a plural it counts ("eight hundred million one people"). NeMo reads it on ("two million three" -> 2000003).
  if (!c.o.nemo && card.end - start >= 3 && (t.scales.get(words[card.end - 2]!) ?? 0n) >= 1_000_000n && (t.numbers.get(words[card.end - 1]!) ?? 10) < 10 &&
    !countsPlural(words[card.end])) {
    // Without the unit "a billion" is no number of its own ("a billion one" stays as said).
    card = readCardinal(t, words, start, card.end - 1);
    if (card === null) return null;
  }
  if (decimals && words[card.end] === "point" && card.end < end) {
    const frac = readDigitString(t, words, card.end + 1, end) ?? twoDigitDecimals(c, card.end + 1, end);
    if (frac !== null) {
      // A year has no decimals: the whole part is a count ("2,055.4").
      const number = `${sign}${formatInteger(c, card.value, "count")}.${frac.digits}`;
      return withScale(c, end, { end: frac.end, number, scale: "", integer: undefined, words: frac.end - i, negative });
    }
  }
  const mixed = card.namedScale === undefined ? mixedBeforeScale(c, card.end, end) : null;
  // Thousands are written out whole, an integer: "two and a half thousand years" -> "2,500 years".
  if (mixed !== null && words[mixed.end] === "thousand") {
    const whole = card.value * 1000n + BigInt(Math.round(Number(mixed.decimals) * 1000));
    const value = negative ? -whole : whole;
    return { end: mixed.end + 1, number: formatInteger(c, value, "count"), scale: "", integer: value, words: mixed.end + 1 - i, negative };
  }
  if (mixed !== null && decimals) {
    const number = `${sign}${formatInteger(c, card.value, "count")}${mixed.decimals}`;
    return withScale(c, end, { end: mixed.end, number, scale: "", integer: undefined, words: mixed.end - i, negative });
  }
  if (card.namedScale && card.namedScale.wordIndex === card.end - 1) {
    const head = card.namedScale.head.toString();
    return { end: card.end, number: sign + head, scale: ` ${raw[card.end - 1]!}`, integer: undefined, words: card.end - i, negative };
  }
  const value = negative ? -card.value : card.value;
  return { end: card.end, number: formatInteger(c, value, { start, end: card.end }), scale: "", integer: value, words: card.end - i, negative };
}

/**
 * "one point sixty eight euros" -> "1.68": decimals said as one number of 10..99, as prices and ratios
 * are, after a whole part ("point sixty" alone stays words). Not before a plural the number would count
 * ("at one point twenty people came" is the idiom "at one point").
 */
function twoDigitDecimals(c: MatchContext, k: number, end: number): { digits: string; end: number } | null {
  const two = readTwoDigits(c.t, c.words, k, end);
  if (two === null) return null;
  const next = c.words[two.end];
  if (two.end < end && countsPlural(next) && matchPhrase(c.t.units, c.words, two.end, end) === null && matchPhrase(c.t.currencies, c.words, two.end, end) === null) return null;
  return { digits: String(two.value), end: two.end };
}

/** Fractions said after a whole number before a scale word, as the decimals they write. */
const MIXED_FRACTIONS: ReadonlyArray<[readonly string[], string]> = [[["and", "a", "half"], ".5"], [["and", "a", "quarter"], ".25"], [["and", "three", "quarters"], ".75"]];

/**
 * "two and a half million" -> "2.5 million": a fraction after the whole number, then a scale word of
 * thousands or more ("two and a half thousand" is written whole, 2,500). Without one the fraction stays
 * as said ("two and a half hours", "two and a half hundred").
 */
function mixedBeforeScale(c: MatchContext, k: number, end: number): { decimals: string; end: number } | null {
  for (const [said, decimals] of MIXED_FRACTIONS) {
    const after = k + said.length;
    if (after >= end || !said.every((w, j) => c.words[k + j] === w)) continue;
    return (c.t.scales.get(c.words[after]!) ?? 0n) >= 1000n ? { decimals, end: after } : null;
  }
  return null;
}

/**
 * "two hundred k" -> "200k", "one point five k" -> "1.5k": a spoken "k" after an amount is the
 * thousands suffix, written on the number. Not where letters or numbers go on, as in a code ("fifty k
 * nine", "five k p i"), nor after a scale word ("a million k").
 */
function withThousandsSuffix(c: MatchContext, end: number, a: Amount): Amount {
  if (a.scale !== "" || a.end >= end || c.words[a.end] !== "k") return a;
  const next = a.end + 1 < end ? c.words[a.end + 1]! : undefined;
  if (next !== undefined && (SINGLE_LETTER.test(next) || c.t.numbers.has(next) || c.t.zeroDigits.has(next) || /^\d/.test(next))) return a;
  return { ...a, end: a.end + 1, scale: c.raw[a.end]!.replace(/[^\p{L}]/gu, ""), integer: undefined, words: a.words + 1 };
}

/** "five point two" + "million": decimals keep any scale as a word ("164.58 thousand"). */
function withScale(c: MatchContext, end: number, a: Amount): Amount {
  const w = a.end < end ? c.words[a.end]! : undefined;
  if (w !== undefined && w !== "hundred" && c.t.scales.has(w)) {
    return { ...a, end: a.end + 1, scale: ` ${c.raw[a.end]!}`, words: a.words + 1 };
  }
  return a;
}
