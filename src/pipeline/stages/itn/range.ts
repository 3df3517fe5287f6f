// range: two numbers joined by "to" — "twenty eight to thirty" -> "28-30",
// "p three hundred twenty three to three hundred thirty three" -> "p 323-333",
// "eighteen ninety three to ninety four" -> "1893-94". Only a rising pair is a
// range: "ten to three" is a clock time, "three to two" a score. "from A to B"
// keeps its "to" (each number is read alone), and a pair of small numbers
// stays prose ("in one to two weeks") unless a label precedes it ("number one to
// three" -> "number 1-3"). A second number that carries a unit
// ("sixty to eighty percent", "ten to twenty dollars") is left to its class,
// and a span with its era keeps "to" ("788 to 820 CE").
import { formatInteger } from "./amount.js";
import { readPairedYear } from "./date.js";
import { matchMeasure } from "./measure.js";
import { matchMoney } from "./money.js";
import { readCardinal } from "./numbers.js";
import { matchPercent } from "./percent.js";
import { afterNumberLabel, type ClassMatcher, type MatchContext } from "./span.js";

const CONFIDENCE = 0.8;
/** A word before the first number that makes "to" part of the sentence, not a range. */
const KEEPS_TO = new Set(["from"]);
/**
 * Era markers after the second number: a span of years with its era keeps
 * "to", as the design spec writes it ("788 to 820 CE"). Compared in lower case.
 */
const ERAS = new Set(["ce", "bce", "bc", "ad", "b.c.", "a.d.", "c.e.", "b.c.e."]);
/** Classes that read a number with its unit: they keep the second number when it has one. */
const UNIT_CLASSES: readonly ClassMatcher[] = [matchPercent, matchMoney, matchMeasure];

interface Side {
  value: bigint;
  text: string;
  end: number;
  /** Spoken words read. */
  words: number;
  /** Exactly head × one "-illion" word ("two million"): written with the word ("2 million"). */
  scale?: { head: bigint; word: string };
  /** The words read are a year said in pairs too ("twenty twenty"). */
  saidInPairs: boolean;
}

/** A paired year ("nineteen thirteen") or a cardinal, the longer reading; decades ("the 1990s") are not range ends. */
function readSide(c: MatchContext, i: number, end: number): Side | null {
  const card = readCardinal(c.t, c.words, i, end);
  const year = readPairedYear(c, i, end);
  if (year !== null && /^\d+$/.test(year.text) && (card === null || year.end > card.end)) {
    return { value: BigInt(year.text), text: year.text, end: year.end, words: year.end - i, saidInPairs: true };
  }
  if (card === null) return null;
  const side: Side = {
    value: card.value, text: formatInteger(c, card.value, { start: i, end: card.end }), end: card.end, words: card.end - i,
    saidInPairs: year?.end === card.end,
  };
  const named = card.namedScale;
  if (named !== undefined && named.wordIndex === card.end - 1) side.scale = { head: named.head, word: c.raw[named.wordIndex]! };
  return side;
}

/**
 * "one to two million" -> "1-2 million", "three to five billion" -> "3-5 billion": the scale word is said
 * once, after both ends; ends with different scales are no range here. Null when neither end has one.
 */
function scaledRange(c: MatchContext, a: Side, b: Side): string | null | undefined {
  if (a.scale === undefined && b.scale === undefined) return undefined;
  if (b.scale === undefined) return null;
  if (a.scale !== undefined && a.scale.word.toLowerCase() !== b.scale.word.toLowerCase()) return null;
  const from = a.scale?.head ?? a.value;
  if (from >= b.scale.head) return null;
  return `${formatInteger(c, from, "count")}${c.o.rangeDash}${formatInteger(c, b.scale.head, "count")} ${b.scale.word}`;
}

/** A year's range end given by its last two digits ("1893-94"): later in the same century. */
function isYearTail(from: bigint, to: Side): boolean {
  return from >= 1000n && to.words <= 2 && to.value < 100n && to.value > from % 100n;
}

export const matchRange: ClassMatcher = (c, i, end) => {
  if (i > 0 && KEEPS_TO.has(c.words[i - 1]!)) return null;
  const a = readSide(c, i, end);
  if (a === null || c.words[a.end] !== "to" || a.end + 1 >= end) return null;
  const b = readSide(c, a.end + 1, end);
  if (b === null) return null;
  const small = (s: Side) => s.words === 1 && s.value < BigInt(c.o.spellOutBelow);
  // After a label ("number one to three", "level two to four") the numbers are labels, not prose.
  if (small(a) && small(b) && !afterNumberLabel(c, i)) return null;
  if (!(b.value > a.value || isYearTail(a.value, b))) return null;
  // "quarter two to twenty twenty": a year of these centuries said in pairs ends no range from a small number.
  if (a.value < 100n && b.value >= 1900n && b.value < 2100n && b.saidInPairs && !afterNumberLabel(c, i)) return null;
  if (ERAS.has(c.words[b.end] ?? "")) return null;
  if (UNIT_CLASSES.some((read) => (read(c, a.end + 1, end)?.end ?? 0) > b.end)) return null;
  const scaled = scaledRange(c, a, b);
  if (scaled === null) return null;
  if (scaled !== undefined) return { end: b.end, text: scaled, confidence: CONFIDENCE };
  // Both ends are counts if one is ("1,000-2,000 people", not "1,000-2000").
  const grouped = (s: Side) => c.o.thousandsSeparator !== "" && s.text.includes(c.o.thousandsSeparator);
  const [from, to] = grouped(a) || grouped(b) ? [formatInteger(c, a.value, "count"), formatInteger(c, b.value, "count")] : [a.text, b.text];
  return { end: b.end, text: `${from}${c.o.rangeDash}${to}`, confidence: CONFIDENCE };
};
