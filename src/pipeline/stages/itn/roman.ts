// roman (off unless asked): regnal and war numerals — "Henry the eighth" ->
// "Henry VIII", "world war two" -> "World War II". Only after a name (a
// capitalised word, or in any case one of config/itn/en/regnal_names.tsv, as
// lower-case ASR writes "george the third"), or "world war", because "the
// eighth" alone is an ordinal; and only where the ordinal ends the name ("John
// the first to arrive", "the first time" rank).
import { readCardinal } from "./numbers.js";
import { readOrdinal } from "./ordinal.js";
import { endsName, regnalName } from "./ruler.js";
import type { ClassMatcher } from "./span.js";

const CONFIDENCE = 0.7;
const NUMERALS: ReadonlyArray<[number, string]> = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

export function toRoman(value: number): string {
  let out = "";
  for (const [n, s] of NUMERALS) {
    while (value >= n) {
      out += s;
      value -= n;
    }
  }
  return out;
}

export const matchRoman: ClassMatcher = (c, i, end) => {
  if (c.words[i] === "world" && c.words[i + 1] === "war" && i + 2 < end) {
    const n = readCardinal(c.t, c.words, i + 2, end);
    if (n === null || n.value < 1n || n.value > 3n) return null;
    return { end: n.end, text: `World War ${toRoman(Number(n.value))}`, confidence: CONFIDENCE };
  }
  const name = regnalName(c, i);
  if (name === null || c.words[i + 1] !== "the" || i + 2 >= end) return null;
  const ord = readOrdinal(c, i + 2, end);
  if (ord === null || ord.value < 1n || ord.value > 50n || !endsName(c, ord.end)) return null;
  return { end: ord.end, text: `${name} ${toRoman(Number(ord.value))}`, confidence: CONFIDENCE };
};
