// percent: "eighteen point one four percent" -> "18.14%" ("18.14 %" in the nemo style).
import { readAmount } from "./amount.js";
import { percentWordsIn } from "./numbers.js";
import type { ClassMatcher, MatchContext } from "./span.js";

const CONFIDENCE = 0.95;

/** How many words at words[j] say the percent sign: "percent" 1, "per cent" 2, else 0. */
export function percentWordsAt(c: MatchContext, j: number, end: number): number {
  return percentWordsIn(c.words, j, end);
}

export const matchPercent: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end);
  if (a === null || a.scale !== "") return null;
  const sign = percentWordsAt(c, a.end, end);
  if (sign === 0) return null;
  const j = a.end + sign;
  return { end: j, text: `${a.number}${c.o.percentSpace ? " " : ""}%`, confidence: CONFIDENCE };
};
