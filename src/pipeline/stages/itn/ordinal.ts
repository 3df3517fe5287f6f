// ordinal: "twenty third" -> "23rd", "eleven hundred twenty first" -> "1121st",
// "the twelfth century" -> "the 12th century". Ordinals below the threshold
// stay words ("the first time"), and so does a ruler's ("Louis the fourteenth").
import { readCardinal } from "./numbers.js";
import { rulersOrdinalAt } from "./ruler.js";
import type { ClassMatcher, MatchContext } from "./span.js";

const CONFIDENCE = 0.85;

/** The ordinal reading at words[i]: its value and end, or null. */
export function readOrdinal(c: MatchContext, i: number, end: number): { value: bigint; end: number } | null {
  const { words, t } = c;
  // The ordinal word closes the number: find it, then read the words before it
  // with the ordinal swapped for its cardinal ("twenty third" -> "twenty three").
  for (let k = i; k < end; k++) {
    const w = words[k]!;
    const cardinalWord = t.ordinals.get(w);
    if (cardinalWord !== undefined) {
      const spoken = words.slice(i, k);
      spoken.push(cardinalWord);
      const reading = readCardinal(t, spoken, 0, spoken.length);
      if (reading === null || reading.end !== spoken.length) return null;
      return { value: reading.value, end: k + 1 };
    }
    if (!t.numbers.has(w) && !t.scales.has(w) && w !== "and") return null;
  }
  return null;
}

export function ordinalSuffix(value: bigint): string {
  const lastTwo = Number(value % 100n);
  if (lastTwo >= 11 && lastTwo <= 13) return "th";
  const last = lastTwo % 10;
  return last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
}

/** Periods of a year: "two thousand twenty fourth quarter" is the year's fourth quarter, never the 2024th. */
const YEAR_PARTS: ReadonlySet<string> = new Set(["quarter", "half"]);

export const matchOrdinal: ClassMatcher = (c, i, end) => {
  const o = readOrdinal(c, i, end);
  if (o === null || o.value < BigInt(c.o.ordinalSpellOutBelow)) return null;
  if (o.value >= 1000n && YEAR_PARTS.has(c.words[o.end] ?? "")) return null;
  // "Louis the fourteenth": a ruler's ordinal is the roman class's ("Louis XIV") or stays as said.
  if (rulersOrdinalAt(c, i, o.end)) return null;
  return { end: o.end, text: `${o.value.toString()}${ordinalSuffix(o.value)}`, confidence: CONFIDENCE };
};
