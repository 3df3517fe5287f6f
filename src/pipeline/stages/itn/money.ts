// money: "four dollars and sixty nine cents" -> "$4.69", "twelve dollars fifty"
// -> "$12.50", "forty five billion dollars" -> "$45 billion", "one fifty five
// dollars" -> "$155", "twelve fifty dollars" -> "$1,250", "a dollar fifty" -> "$1.50". Currencies
// and minor units are tables; "one dollars" (number disagreement) is left alone.
import { formatInteger, readAmount, type Amount } from "./amount.js";
import { readCardinal, readTwoDigits } from "./numbers.js";
import { matchPhrase } from "./tables.js";
import { writtenAmountAt, type ClassMatcher, type MatchContext } from "./span.js";

const CONFIDENCE = 0.9;

/**
 * "one fifty five dollars" -> "$155", "twelve fifty dollars" -> "$1,250": a number below 100 then one of
 * 10..99, said in hundreds as prices are. Before a currency this is no year ("1995 dollars").
 */
function readColloquialHundreds(c: MatchContext, i: number, end: number): Amount | null {
  const d = c.t.numbers.get(c.words[i]!);
  const head = d !== undefined && d >= 1 && d <= 9 ? { value: d, end: i + 1 } : readTwoDigits(c.t, c.words, i, end);
  if (head === null) return null;
  const rest = readTwoDigits(c.t, c.words, head.end, end);
  if (rest === null) return null;
  const value = BigInt(head.value * 100 + rest.value);
  return { end: rest.end, number: formatInteger(c, value, "count"), scale: "", integer: value, words: rest.end - i, negative: false };
}

/** Cents after the major unit: "and sixty nine cents", "fifty cents". */
function readMinor(c: MatchContext, i: number, end: number): { cents: number; end: number } | null {
  const start = c.words[i] === "and" ? i + 1 : i;
  const card = readCardinal(c.t, c.words, start, end);
  if (card === null || card.value > 99n || card.end >= end) return null;
  if (!c.t.currencyMinor.has(c.words[card.end]!)) return null;
  return { cents: Number(card.value), end: card.end + 1 };
}

/**
 * Cents said after the major unit without their name, as prices are said: "twelve dollars fifty" ->
 * "$12.50". Not when a currency or a unit follows ("five dollars ten dollars", "five dollars ten kilograms").
 */
function readBareCents(c: MatchContext, i: number, end: number): { cents: number; end: number } | null {
  const card = readCardinal(c.t, c.words, i, end);
  // A unit alone ("two dollars five") is as often a count that follows, but for NeMo, which reads it "$2.05".
  if (card === null || card.value < (c.o.nemo ? 1n : 10n) || card.value > 99n) return null;
  // Nor a number or an ordinal: "eight second" (a unit) must read as "eight 2nd" does.
  const next = card.end < end ? c.words[card.end]! : undefined;
  if (next !== undefined && (matchPhrase(c.t.currencies, c.words, card.end, end) !== null || matchPhrase(c.t.units, c.words, card.end, end) !== null ||
    c.t.scales.has(next) || c.t.currencyMinor.has(next) || c.t.numbers.has(next) || c.t.ordinals.has(next) || /^\d/.test(next))) return null;
  // Nor an amount ITN wrote, which starts a run of its own ("$0"), as the "zero dollar" it was said as would not.
  if (card.end === end && writtenAmountAt(c, card.end)) return null;
  return { cents: Number(card.value), end: card.end };
}

/** "fifty cents" -> "$0.50", "one cent" -> "$0.01": cents on their own, in the nemo style (as NeMo writes them). */
function readCentsAlone(c: MatchContext, i: number, end: number): { text: string; end: number } | null {
  const card = readCardinal(c.t, c.words, i, end);
  if (card === null || card.value < 1n || card.value > 99n || card.end >= end) return null;
  const unit = c.words[card.end];
  if (unit !== (card.value === 1n ? "cent" : "cents")) return null;
  return { text: `$0.${card.value.toString().padStart(2, "0")}`, end: card.end + 1 };
}

/** Words before an amount that make "pounds" a weight: "he weighs two hundred pounds", "lost ten pounds". */
const WEIGHING: ReadonlySet<string> = new Set([
  "weigh", "weighs", "weighed", "weighing", "weight", "weighted", "lost", "lose", "loses", "losing", "gained", "gain", "gains",
  "gaining", "lift", "lifts", "lifted", "lifting", "bench", "benched", "benches", "squat", "squats", "squatted", "carry", "carried",
  "carries", "heavier", "lighter", "overweight", "underweight",
]);
const POUND_WORDS: ReadonlySet<string> = new Set(["pound", "pounds"]);
const OUNCES: ReadonlySet<string> = new Set(["ounce", "ounces", "oz"]);
/**
 * Words after "pounds" that make it a weight: "five pounds of flour", "ten pounds heavier". Money's
 * "of" comes with "worth" ("five pounds' worth of"); where "pounds of" is money after all, "5 pounds"
 * still says it, while "£5 of flour" would be wrong.
 */
const WEIGHED_AFTER: ReadonlySet<string> = new Set(["of", "heavier", "lighter", "overweight", "underweight"]);

/**
 * "Pounds" is a weight, not money, after a word of weighing a few words back, before ounces ("seven
 * pounds four ounces"), or before a word that measures by weight ("five pounds of flour").
 */
function weighedInPounds(c: MatchContext, i: number, amountEnd: number, currencyEnd: number, end: number): boolean {
  if (currencyEnd !== amountEnd + 1 || !POUND_WORDS.has(c.words[amountEnd]!)) return false;
  if (c.words[amountEnd] === "pounds" && currencyEnd < end && WEIGHED_AFTER.has(c.words[currencyEnd]!) && !/[.,;:!?]/.test(c.punctBefore[currencyEnd] ?? "")) return true;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (WEIGHING.has(c.words[k]!)) return true;
    if (/[.!?]/.test(c.punctBefore[k + 1] ?? "")) break;
  }
  const count = readAmount(c, currencyEnd, end);
  return count !== null && count.end < end && OUNCES.has(c.words[count.end]!);
}

/**
 * "a dollar fifty" -> "$1.50": "a" is one before a currency said in the singular, as prices are said;
 * only with cents after it ("a dollar" alone stays words).
 */
function readArticleAmount(c: MatchContext, i: number, end: number): Amount | null {
  if (c.words[i] !== "a" || i + 1 >= end) return null;
  const currency = matchPhrase(c.t.currencies, c.words, i + 1, end);
  if (currency === null || currency.value.number === "plural") return null;
  return { end: i + 1, number: "1", scale: "", integer: 1n, words: 1, negative: false };
}

export const matchMoney: ClassMatcher = (c, i, end) => {
  if (c.o.nemo) {
    const cents = readCentsAlone(c, i, end);
    if (cents !== null) return { end: cents.end, text: cents.text, confidence: CONFIDENCE };
  }
  const plain = readAmount(c, i, end);
  const article = plain === null ? readArticleAmount(c, i, end) : null;
  const candidates = [plain, readColloquialHundreds(c, i, end), article];
  for (const a of candidates) {
    if (a === null || a.negative) continue;
    const currency = matchPhrase(c.t.currencies, c.words, a.end, end);
    if (currency === null) continue;
    const cur = currency.value;
    if (a.integer === 1n && cur.number === "plural") return null;
    if (weighedInPounds(c, i, a.end, currency.end, end)) return null;
    let number = a.number;
    let j = currency.end;
    const minor = a.integer === undefined || a.scale !== "" ? null : (readMinor(c, j, end) ?? readBareCents(c, j, end));
    if (a === article && minor === null) continue;
    if (minor !== null) {
      number += `.${String(minor.cents).padStart(2, "0")}`;
      j = minor.end;
    }
    const text = c.o.currencyStyle === "code" ? `${cur.code} ${number}${a.scale}` : `${cur.symbol}${number}${a.scale}`;
    return { end: j, text, confidence: CONFIDENCE };
  }
  return null;
};
