// fraction: "three quarters" -> "3/4", "two thirds" -> "2/3", mixed numbers
// "twelve and a half" -> "12 1/2", "twelve and three quarters" -> "12 3/4". A fraction whose whole or numerator is a
// small one-word number stays words in prose ("one half of the class").
import { isSmall } from "./cardinal.js";
import { readCardinal, readDenominator } from "./numbers.js";
import type { ClassMatcher, MatchContext } from "./span.js";

const CONFIDENCE = 0.8;

const NEGATIVE = new Set(["minus", "negative"]);

export const matchFraction: ClassMatcher = (c, i, end) => {
  const sign = NEGATIVE.has(c.words[i]!) ? "-" : "";
  const start = sign === "" ? i : i + 1;
  const whole = readCardinal(c.t, c.words, start, end);
  if (whole === null || whole.end >= end) return null;
  const small = sign === "" && isSmall(c.o.spellOutBelow, whole.value, whole.words);
  // Mixed: "<whole> and a half" / "<whole> and one quarter" / "<whole> and three quarters".
  if (c.words[whole.end] === "and" && whole.end + 2 < end) {
    const mixed = readMixedPart(c, whole.end + 1, end);
    if (mixed !== null) return small ? null : { end: mixed.end, text: `${sign}${whole.value.toString()} ${mixed.text}`, confidence: CONFIDENCE };
  }
  const plural = whole.value !== 1n;
  const compound = readCompoundDenominator(c, whole.end, end, plural);
  const den = compound ?? readDenominator(c.t, c.words[whole.end]!, plural);
  if (den === null || small || whole.value === 0n) return null;
  // A tens word said right after another number is the head of one ordinal
  // with the unit after it ("thirty three ninety fourths" is 33/94), never a
  // numerator of its own: "33 90/4" is not what anyone said.
  if (compound === null && isTensAfterNumber(c, start, whole.words)) return null;
  return { end: whole.end + (compound === null ? 1 : 2), text: `${sign}${whole.value.toString()}/${den}`, confidence: CONFIDENCE };
};

/** The fraction after a mixed number's "and": "a half", "one quarter", "three quarters", "five eighths". */
function readMixedPart(c: MatchContext, i: number, end: number): { text: string; end: number } | null {
  const first = c.words[i]!;
  if (first === "a" || first === "one") {
    const den = readDenominator(c.t, c.words[i + 1]!, false);
    return den === null ? null : { text: `1/${den}`, end: i + 2 };
  }
  const numerator = c.t.numbers.get(first);
  if (numerator === undefined || numerator < 2 || numerator > 9 || i + 1 >= end) return null;
  const den = readDenominator(c.t, c.words[i + 1]!, true);
  // Measures take halves to sixteenths ("and three quarters", "and five eighths"); "ten and four tenths" is said for 10.4.
  return den === null || den <= numerator || !MIXED_DENOMINATORS.has(den) ? null : { text: `${numerator}/${den}`, end: i + 2 };
}
const MIXED_DENOMINATORS: ReadonlySet<number> = new Set([3, 4, 5, 8, 16]);

/** "ninety fourths" after a numerator: one denominator, 94. */
function readCompoundDenominator(c: MatchContext, i: number, end: number, plural: boolean): number | null {
  if (i + 1 >= end) return null;
  const tens = c.t.numbers.get(c.words[i]!);
  if (tens === undefined || tens < 20 || tens % 10 !== 0) return null;
  const word = c.words[i + 1]!;
  // "fourths", not "quarters": "ninety quarters" is no ninety-fourth.
  const unit = word.startsWith("quarter") ? null : readDenominator(c.t, word, plural);
  return unit === null || unit > 9 ? null : tens + unit;
}

/** Within one phrase; the number before may already be in figures ("1090 ninety thirds" after a first run). */
function isTensAfterNumber(c: MatchContext, i: number, words: number): boolean {
  const n = c.t.numbers.get(c.words[i]!);
  if (words !== 1 || n === undefined || n < 20 || n % 10 !== 0 || i === 0 || c.runEnd[i - 1] !== c.runEnd[i]) return false;
  const before = c.words[i - 1]!;
  return c.t.numbers.has(before) || /^\d/.test(before);
}
