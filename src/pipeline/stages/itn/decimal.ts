// decimal: "eighteen point o five" -> "18.05", "point two" -> ".2", and amounts
// with a kept scale word: "five point two million" -> "5.2 million",
// "four hundred million" -> "400 million"; a number dotted past its decimals is
// a version: "version two point one point three" -> "2.1.3".
import { readAmount, readDottedParts, type Amount } from "./amount.js";
import { readDigitString } from "./numbers.js";
import { percentWordsAt } from "./percent.js";
import type { ClassMatcher, MatchContext } from "./span.js";
import { matchPhrase } from "./tables.js";

const CONFIDENCE = 0.9;

export const matchDecimal: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end);
  if (a === null || a.integer !== undefined) return null;
  return readVersion(c, a, end) ?? { end: a.end, text: a.number + a.scale, confidence: CONFIDENCE };
};

/**
 * "two point one point three" -> "2.1.3": a second "point" makes a version number, not a decimal and
 * another one ("2.1 .3"). Not before what a quantity takes ("around four point five four point six
 * times", a speaker's second try), which the decimals are.
 */
function readVersion(c: MatchContext, a: Amount, end: number): { end: number; text: string; confidence: number } | null {
  if (a.scale !== "" || !/^-?\d[\d,]*\.\d+$/.test(a.number)) return null;
  const parts = readDottedParts(c, a.end, end, (k) => {
    const digits = readDigitString(c.t, c.words, k, end);
    return digits && { text: digits.digits, end: digits.end };
  });
  if (parts.end === a.end || (parts.end < end && quantityAt(c, parts.end, end))) return null;
  return { end: parts.end, text: a.number + parts.text, confidence: CONFIDENCE };
}

/** A unit, a currency, a percent, a scale or "times" at words[j]: what a number measures. */
function quantityAt(c: MatchContext, j: number, end: number): boolean {
  const w = c.words[j]!;
  return w === "times" || c.t.scales.has(w) || percentWordsAt(c, j, end) > 0 ||
    matchPhrase(c.t.units, c.words, j, end) !== null || matchPhrase(c.t.currencies, c.words, j, end) !== null;
}
