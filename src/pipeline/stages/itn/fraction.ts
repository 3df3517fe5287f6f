// fraction: "three quarters" -> "3/4", "two thirds" -> "2/3", mixed numbers
// "twelve and a half" -> "12 1/2". A fraction whose whole or numerator is a
// small one-word number stays words in prose ("one half of the class").
import { isSmall } from "./cardinal.js";
import { readCardinal, readDenominator } from "./numbers.js";
import type { ClassMatcher } from "./span.js";

const CONFIDENCE = 0.8;

export const matchFraction: ClassMatcher = (c, i, end) => {
  const whole = readCardinal(c.t, c.words, i, end);
  if (whole === null || whole.end >= end) return null;
  const small = isSmall(c.o.spellOutBelow, whole.value, whole.words);
  // Mixed: "<whole> and a half" / "<whole> and one quarter".
  if (c.words[whole.end] === "and" && whole.end + 2 < end && (c.words[whole.end + 1] === "a" || c.words[whole.end + 1] === "one")) {
    const den = readDenominator(c.t, c.words[whole.end + 2]!, false);
    if (den === null || small) return null;
    return { end: whole.end + 3, text: `${whole.value.toString()} 1/${den}`, confidence: CONFIDENCE };
  }
  const plural = whole.value !== 1n;
  const den = readDenominator(c.t, c.words[whole.end]!, plural);
  if (den === null || small || whole.value === 0n) return null;
  return { end: whole.end + 1, text: `${whole.value.toString()}/${den}`, confidence: CONFIDENCE };
};
