// cardinal: "two thousand and five" -> "2005", "minus sixty" -> "-60",
// "over eighteen thousand" -> "over 18,000". One-word numbers below the
// spell-out threshold stay words in prose ("one of the", "those two"); in
// written prose (punctuated input) so do one- or two-word numbers
// below prose_spell_out_below (10 by default; 100 keeps "had eleven children").
// After a label word any number converts ("level 2").
import { readAmount } from "./amount.js";
import type { ClassMatcher, MatchContext } from "./span.js";

const CONFIDENCE = 0.9;

export const matchCardinal: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end, false);
  if (a === null || a.integer === undefined) return null;
  if (!afterLabel(c, i)) {
    if (isSmall(c.o.spellOutBelow, a.integer, a.words)) return null;
    if (c.writtenProse && a.words <= 2 && a.integer >= 0n && a.integer < BigInt(c.o.proseSpellOutBelow)) return null;
  }
  return { end: a.end, text: a.number, confidence: CONFIDENCE };
};

/**
 * A number right after a label word ("level two", "volume one", "game seven";
 * config/itn/en/labels.tsv), with no punctuation between, labels something:
 * written in digits even where prose spells small numbers out. Words, not
 * capitals, decide: a later stage's capitals ("AI seven") must not make a
 * second run read more than the first did.
 */
function afterLabel(c: MatchContext, i: number): boolean {
  return c.o.digitsAfterLabels && i > 0 && c.runEnd[i - 1] === c.runEnd[i] && c.t.labels.has(c.words[i - 1]!);
}

/** A one-word, non-negative number under the threshold: prose keeps it as a word. */
export function isSmall(threshold: number, value: bigint, words: number): boolean {
  return words === 1 && value >= 0n && value < BigInt(threshold);
}
