// cardinal: "two thousand and five" -> "2005", "minus sixty" -> "-60",
// "over eighteen thousand" -> "over 18,000". One-word numbers below the
// spell-out threshold stay words in prose ("one of the", "those two"); in
// written prose (punctuated input) so do one- or two-word numbers
// below prose_spell_out_below (10 by default; 100 keeps "had eleven children").
import { readAmount } from "./amount.js";
import { followsNumber, type ClassMatcher, type MatchContext } from "./span.js";

const CONFIDENCE = 0.9;

export const matchCardinal: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end, false);
  if (a === null || a.integer === undefined) return null;
  if (!namesOrLabels(c, i)) {
    if (isSmall(c.o.spellOutBelow, a.integer, a.words)) return null;
    if (c.writtenProse && a.words <= 2 && a.integer >= 0n && a.integer < BigInt(c.o.proseSpellOutBelow)) return null;
  }
  return { end: a.end, text: a.number, confidence: CONFIDENCE };
};

/**
 * A small number right after a capitalised word is part of a name or label
 * ("Windows 7", "Level 2", "Game 7", "Radio 1"): written in digits even
 * where prose spells small numbers out. Not after a sentence's first word
 * ("The two states"), nor when the number itself is capitalised (respect_case).
 */
function namesOrLabels(c: MatchContext, i: number): boolean {
  if (!c.o.digitsAfterNames || c.afterName[i] !== true) return false;
  const name = c.words[i - 1]!;
  // A month before a number is a date ("September four months later" is not
  // "September 4"; this stage capitalises months itself, so a second run
  // must not read them as names).
  // After a number the capitalised word is a unit ("5 GB two"), not a name.
  if (followsNumber(c, i - 1)) return false;
  return !c.t.numbers.has(name) && !c.t.ordinals.has(name) && !c.t.scales.has(name) && !c.t.months.has(name);
}

/** A one-word, non-negative number under the threshold: prose keeps it as a word. */
export function isSmall(threshold: number, value: bigint, words: number): boolean {
  return words === 1 && value >= 0n && value < BigInt(threshold);
}
