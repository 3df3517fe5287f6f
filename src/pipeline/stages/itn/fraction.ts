// fraction: "three quarters" -> "3/4", "two thirds" -> "2/3", mixed numbers
// "twelve and a half" -> "12 1/2". A fraction whose whole or numerator is a
// small one-word number stays words in prose ("one half of the class").
import { isSmall } from "./cardinal.js";
import { readCardinal } from "./numbers.js";
import type { ClassMatcher, MatchContext } from "./span.js";

const CONFIDENCE = 0.8;
/** "second" is left out on purpose: "one second" is a duration. */
const SPECIAL_DENOMINATORS = new Map([
  ["half", 2], ["halves", 2], ["quarter", 4], ["quarters", 4],
]);

/** The denominator a word names, when its number agrees: "one third", "two thirds", not "twenty third". */
function denominator(c: MatchContext, word: string, plural: boolean): number | null {
  if (plural !== (word.endsWith("s") || word === "halves")) return null;
  const special = SPECIAL_DENOMINATORS.get(word);
  if (special !== undefined) return special;
  const singular = plural ? word.slice(0, -1) : word;
  if (singular === "second") return null;
  const cardinalWord = c.t.ordinals.get(singular);
  const n = cardinalWord === undefined ? undefined : c.t.numbers.get(cardinalWord);
  return n === undefined || n < 3 ? null : n;
}

export const matchFraction: ClassMatcher = (c, i, end) => {
  const whole = readCardinal(c.t, c.words, i, end);
  if (whole === null || whole.end >= end) return null;
  const small = isSmall(c.o.spellOutBelow, whole.value, whole.words);
  // Mixed: "<whole> and a half" / "<whole> and one quarter".
  if (c.words[whole.end] === "and" && whole.end + 2 < end && (c.words[whole.end + 1] === "a" || c.words[whole.end + 1] === "one")) {
    const den = denominator(c, c.words[whole.end + 2]!, false);
    if (den === null || small) return null;
    return { end: whole.end + 3, text: `${whole.value.toString()} 1/${den}`, confidence: CONFIDENCE };
  }
  const plural = whole.value !== 1n;
  const den = denominator(c, c.words[whole.end]!, plural);
  if (den === null || small || whole.value === 0n) return null;
  return { end: whole.end + 1, text: `${whole.value.toString()}/${den}`, confidence: CONFIDENCE };
};
