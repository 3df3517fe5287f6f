// cardinal: "two thousand and five" -> "2005", "minus sixty" -> "-60",
// "over eighteen thousand" -> "over 18,000". One-word numbers below the
// spell-out threshold stay words in prose ("one of the", "those two"); in
// written prose (punctuated input) so do one- or two-word numbers
// below prose_spell_out_below (10 by default; 100 keeps "had eleven children").
import { readAmount } from "./amount.js";
import type { ClassMatcher } from "./span.js";

const CONFIDENCE = 0.9;

export const matchCardinal: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end, false);
  if (a === null || a.integer === undefined) return null;
  if (isSmall(c.o.spellOutBelow, a.integer, a.words)) return null;
  if (c.writtenProse && a.words <= 2 && a.integer >= 0n && a.integer < BigInt(c.o.proseSpellOutBelow)) return null;
  return { end: a.end, text: a.number, confidence: CONFIDENCE };
};

/** A one-word, non-negative number under the threshold: prose keeps it as a word. */
export function isSmall(threshold: number, value: bigint, words: number): boolean {
  return words === 1 && value >= 0n && value < BigInt(threshold);
}
