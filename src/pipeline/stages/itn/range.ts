// range: two numbers joined by "to" — "twenty eight to thirty" -> "28-30",
// "p three hundred twenty three to three hundred thirty three" -> "p 323-333",
// "eighteen ninety three to ninety four" -> "1893-94". Only a rising pair is a
// range: "ten to three" is a clock time, "three to two" a score. "from A to B"
// keeps its "to" (each number is read alone), and a pair of small numbers
// stays prose ("in one to two weeks") unless a label precedes it ("number one to
// three" -> "number 1-3"). A price range writes its currency on both ends and
// keeps "to" ("ten to twenty dollars" -> "$10 to $20"); a second number with any
// other unit ("sixty to eighty percent") is left to its class, and a span with
// its era keeps "to" ("788 to 820 CE"). A "hundred" or "thousand" said once,
// after both ends, multiplies both: "two to three hundred people" -> "200-300
// people", "ten to twenty thousand dollars" -> "$10,000 to $20,000"; so does one
// said "between two and three hundred" -> "between 200 and 300".
import { formatInteger, keepsTo, sharedRangeScale } from "./amount.js";
import { readPairedYear } from "./date.js";
import { matchMeasure } from "./measure.js";
import { matchMoney } from "./money.js";
import { readCardinal } from "./numbers.js";
import { matchPercent } from "./percent.js";
import { afterNumberLabel, type ClassMatcher, type MatchContext } from "./span.js";
import { matchPhrase } from "./tables.js";

const CONFIDENCE = 0.8;
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

/** The bare first end ("two to") shares the second's "hundred" or "thousand" ("three hundred"). */
function sharedScale(c: MatchContext, i: number, a: Side, b: Side): bigint | undefined {
  if (a.scale !== undefined || (a.saidInPairs && a.words > 1) || afterNumberLabel(c, i)) return undefined;
  return sharedRangeScale(c, a.value, a.end + 1, b.end, b.value);
}

/** Both ends of a range whose first end shares the second's scale, joined: "200-300", "200 and 300"; null without one. */
function withSharedScale(c: MatchContext, i: number, a: Side, b: Side, joiner: string): string | null {
  const shared = sharedScale(c, i, a, b);
  return shared === undefined ? null : `${formatInteger(c, a.value * shared, "count")}${joiner}${formatInteger(c, b.value, "count")}`;
}

/**
 * "ten to twenty dollars" -> "$10 to $20", "three to four million dollars" -> "$3 to $4 million": the
 * currency said once after a range of amounts is written on both, and the range keeps "to" as prices
 * are written. The first end shares the second's scale word, or multiplies by its "hundred"/"thousand".
 */
function moneyRange(c: MatchContext, i: number, a: Side, b: Side, end: number): { end: number; text: string } | null {
  const joiner = c.raw[a.end]!;
  if (!c.o.classes.has("money") || (a.scale !== undefined && b.scale === undefined)) return null;
  const money = matchMoney(c, a.end + 1, end);
  if (money === null || money.end <= b.end) return null;
  const symbol = /^[^\d]*/.exec(money.text)![0];
  if (symbol === "") return null;
  const scale = sharedScale(c, i, a, b) ?? 1n;
  if (b.scale !== undefined && a.scale !== undefined && a.scale.word.toLowerCase() !== b.scale.word.toLowerCase()) return null;
  const from = a.scale?.head ?? a.value * scale;
  if (from >= (b.scale?.head ?? b.value)) return null;
  return { end: money.end, text: `${symbol}${formatInteger(c, from, "count")} ${joiner} ${money.text}` };
}

/** A year's range end given by its last two digits ("1893-94"): later in the same century. */
function isYearTail(from: bigint, to: Side): boolean {
  return from >= 1000n && to.words <= 2 && to.value < 100n && to.value > from % 100n;
}

/**
 * "between two and three hundred people" -> "between 200 and 300 people", "between ten and twenty dollars"
 * -> "between $10 and $20": a range said with "between ... and" keeps its words, and its ends share a
 * scale or a currency as with "to". Null where each number reads alone ("between 7 and 8%").
 */
function betweenRange(c: MatchContext, i: number, a: Side, b: Side, end: number): { end: number; text: string } | null {
  const money = moneyRange(c, i, a, b, end);
  if (money !== null) return money;
  const text = withSharedScale(c, i, a, b, ` ${c.raw[a.end]!} `);
  return text === null ? null : { end: b.end, text };
}

/** Words that name a ratio, said before its terms ("a scale of", "the ratio of") or after them ("a three to one ratio"). */
const RATIO_WORDS: ReadonlySet<string> = new Set(["scale", "ratio"]);

/** The number pair at words[i, after) is a ratio: a ratio word right before it (or before "of"), or right after it. */
function ratioAt(c: MatchContext, i: number, after: number): boolean {
  const before = c.words[i - 1] === "of" ? i - 2 : i - 1;
  return RATIO_WORDS.has(c.words[before] ?? "") || RATIO_WORDS.has(c.words[after] ?? "");
}

export const matchRange: ClassMatcher = (c, i, end) => {
  const a = readSide(c, i, end);
  const joiner = a === null ? undefined : c.words[a.end];
  const between = joiner === "and" && c.words[i - 1] === "between";
  if (a === null || (joiner !== "to" && !between) || a.end + 1 >= end) return null;
  const b = readSide(c, a.end + 1, end);
  // "to sixty seven point five million": the second number goes on as a decimal, which no range end reads.
  if (b === null || c.words[b.end] === "point") return null;
  if (between) {
    const said = betweenRange(c, i, a, b, end);
    return said === null ? null : { ...said, confidence: CONFIDENCE };
  }
  // "a scale of one to fifty thousand", "a three to one ratio": a ratio's terms are joined by a colon.
  if (!between && ratioAt(c, i, b.end)) {
    const [from, to] = [formatInteger(c, a.value, "count"), formatInteger(c, b.value, "count")];
    return { end: b.end, text: `${from}:${to}`, confidence: CONFIDENCE };
  }
  // Prices keep "to" whatever the numbers: "from $10 to $20", "$2 to $3".
  const money = moneyRange(c, i, a, b, end);
  if (money !== null) return { ...money, confidence: CONFIDENCE };
  if (keepsTo(c, i)) return null;
  const small = (s: Side) => s.words === 1 && s.value < BigInt(c.o.spellOutBelow);
  // After a label ("number one to three", "level two to four") the numbers are labels, not prose.
  if (small(a) && small(b) && !afterNumberLabel(c, i)) return null;
  if (!(b.value > a.value || isYearTail(a.value, b))) return null;
  // "quarter two to twenty twenty": a year of these centuries said in pairs ends no range from a small number.
  if (a.value < 100n && b.value >= 1900n && b.value < 2100n && b.saidInPairs && !afterNumberLabel(c, i)) return null;
  // A span of years with its era keeps "to", as the design spec writes it ("788 to 820 CE").
  if (matchPhrase(c.t.eras, c.words, b.end, end) !== null) return null;
  if (UNIT_CLASSES.some((read) => (read(c, a.end + 1, end)?.end ?? 0) > b.end)) return null;
  const scaled = scaledRange(c, a, b);
  if (scaled === null) return null;
  if (scaled !== undefined) return { end: b.end, text: scaled, confidence: CONFIDENCE };
  const shared = withSharedScale(c, i, a, b, c.o.rangeDash);
  if (shared !== null) return { end: b.end, text: shared, confidence: CONFIDENCE };
  // Both ends are counts if one is ("1,000-2,000 people", not "1,000-2000").
  const grouped = (s: Side) => c.o.thousandsSeparator !== "" && s.text.includes(c.o.thousandsSeparator);
  const [from, to] = grouped(a) || grouped(b) ? [formatInteger(c, a.value, "count"), formatInteger(c, b.value, "count")] : [a.text, b.text];
  return { end: b.end, text: `${from}${c.o.rangeDash}${to}`, confidence: CONFIDENCE };
};
