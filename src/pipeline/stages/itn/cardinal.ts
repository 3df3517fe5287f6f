// cardinal: "two thousand and five" -> "2005", "minus sixty" -> "-60",
// "over eighteen thousand" -> "over 18,000". One-word numbers below the
// spell-out threshold stay words in prose ("one of the", "those two"); in
// written prose (punctuated input) so do one- or two-word numbers
// below prose_spell_out_below (13 by default: "had eleven children", "had 42 children").
// After a label word any number converts ("level 2"), and so does one paired
// with a number of 10 or more ("from 2000 to 7"). A tens word and a unit's
// plural are one plural number ("seventy fives" -> "75s").
import { formatInteger, readAmount, sharedRangeScale } from "./amount.js";
import { DECADES, readPairedYear, withEra } from "./date.js";
import { digitOf, readDenominator, readDigitString, readPluralTens, REPEATS, signedOrPriced } from "./numbers.js";
import { afterLabelIn, afterNumberLabel, isNumberWord, type ClassMatcher, type MatchContext, type SpanMatch } from "./span.js";
import { matchPhrase } from "./tables.js";
import { MIN_DIGITS } from "./telephone.js";

const CONFIDENCE = 0.9;

/** Words that grade a range of ten numbers: "the low forties", "mid to high twenties". */
const GRADES: ReadonlySet<string> = new Set(["low", "lower", "mid", "middle", "high", "upper"]);

/**
 * "low forties" -> "low 40s", "mid to high twenties" -> "mid to high 20s": margins, rates and prices said
 * as a graded range of ten, written in figures. "the twenties" is a decade and "in her early twenties" an
 * age: left as said.
 */
function gradedTens(c: MatchContext, i: number): SpanMatch | null {
  const tens = DECADES.get(c.words[i]!);
  if (tens === undefined || i === 0 || !GRADES.has(c.words[i - 1]!) || c.runEnd[i - 1] !== c.runEnd[i]) return null;
  return { end: i + 1, text: `${tens}s`, confidence: CONFIDENCE };
}

export const matchCardinal: ClassMatcher = (c, i, end) => {
  const graded = gradedTens(c, i);
  if (graded !== null) return graded;
  const idiom = matchPhrase(c.t.idioms, c.words, i, end);
  if (idiom !== null && !numberFollows(c, idiom.end)) return { end: idiom.end, text: idiom.value, confidence: CONFIDENCE };
  const plural = readPluralTens(c.t, c.words, i, end);
  if (plural !== null) return { end: plural.end, text: plural.text, confidence: CONFIDENCE };
  const a = readAmount(c, i, end, false);
  if (a === null || a.integer === undefined) return null;
  // A year said in pairs is the date class's, whole or not at all: never "20 20" with dates off.
  const year = readPairedYear(c, i, end);
  if (year !== null && year.end > a.end) return null;
  // A labelled number ("level two", "p. one") labels something: digits even where prose spells small
  // numbers out. Words, not capitals, decide: a later stage's capitals ("AI seven") must not make a
  // second run read more than the first did.
  // "three quarters of that total", "one half": a small fraction stays words, whatever it is compared with.
  const fraction = isSmall(c.o.spellOutBelow, a.integer, a.words) && c.runEnd[a.end - 1] === c.runEnd[a.end] &&
    readDenominator(c.t, c.words[a.end] ?? "", a.integer !== 1n) !== null;
  // "from seven eighty eight to eight twenty": a small number with another right after it is one of a pair
  // said together (a year, a time, a price) that no class read; paired with the large one before, it
  // would be written alone ("8 20").
  const saidInPair = isSmall(c.o.spellOutBelow, a.integer, a.words) && numberFollows(c, a.end);
  const labelled = afterNumberLabel(c, i) && !countsTime(c, i, a.end) && !rankAfterNumber(c, i);
  if (!labelled && (fraction || saidInPair || !pairedWithLarge(c, i, a.end))) {
    if (isSmall(c.o.spellOutBelow, a.integer, a.words)) return null;
    if (inchesAfterSpokenFeet(c, i, a.integer, a.words)) return null;
    // NeMo keeps the sign's number as it keeps the number: "minus one" stays as said.
    if (c.o.nemo && a.negative && isSmall(c.o.spellOutBelow, -a.integer, a.words - 1)) return null;
    if (c.writtenProse && a.words <= 2 && a.integer >= 0n && a.integer < BigInt(c.o.proseSpellOutBelow)) return null;
  }
  // An identifier after its label ("ZIP code", "PIN", "issue 7788") is its digits: no thousands separator.
  // "the number twelve thousand" names a value, not an identifier.
  const value = c.words[i - 1] === "number" && VALUE_DETERMINERS.has(c.words[i - 2] ?? "");
  const shared = a.words === 1 && !c.o.nemo ? firstEndWithSharedScale(c, a.end, a.integer) : null;
  const text = afterLabelIn(c, i, c.t.codeLabels) || (afterNumberLabel(c, i) && !value) ? a.integer.toString() : shared ?? a.number;
  // A year said as a count before its era: "fifteen hundred b c" -> "1500 BC" (an era is the date class's).
  if (a.integer > 0n && a.integer < 10000n && c.o.classes.has("date")) return withEra(c, { end: a.end, text, confidence: CONFIDENCE }, end);
  return { end: a.end, text, confidence: CONFIDENCE };
};


/** Before "number", these make "number one" a rank: "our number one priority", "the number two guy", "we're number one". */
const RANK_OPENERS: ReadonlySet<string> = new Set(["the", "our", "my", "your", "his", "her", "their", "its", "is", "was", "are", "were", "be", "we're", "they're", "it's", "you're"]);

/**
 * "our number one priority", "press star then the number one": after a determiner or "be", "number"
 * and a number rank something, as transcripts write them in words (Earnings-21 and Rev16: "number one"
 * 23 times, "number 1" never); "ball number two", "for number four" name one. The nemo style writes digits.
 */
function rankAfterNumber(c: MatchContext, i: number): boolean {
  return !c.o.nemo && i >= 2 && c.words[i - 1] === "number" && RANK_OPENERS.has(c.words[i - 2]!) && c.runEnd[i - 2] === c.runEnd[i];
}

/** Spans of time a small number counts: after a label word it counts them, not labels ("after group one day"). */
const TIME_SPANS: ReadonlySet<string> = new Set(["day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", "time", "times", "morning", "evening", "afternoon"]);

/** The number at [i, end) counts a span of time said after it; "number one day of the year" is still a rank. */
function countsTime(c: MatchContext, i: number, end: number): boolean {
  return c.words[i - 1] !== "number" && c.runEnd[end - 1] === c.runEnd[end] && TIME_SPANS.has(c.words[end] ?? "");
}

/** A number word or figure at k in the phrase of k - 1: "fifty fifty one" lists numbers. */
function numberFollows(c: MatchContext, k: number): boolean {
  const w = c.words[k];
  if (w === undefined || c.runEnd[k - 1] !== c.runEnd[k]) return false;
  return /^\d/.test(w) || isNumberWord(c, w);
}

const COORDINATORS = new Set(["and", "or"]);

/** Before "number", these make it the noun for a value: "the number 12,000", "this number". */
const VALUE_DETERMINERS: ReadonlySet<string> = new Set(["the", "this", "that", "a", "same"]);

const WRITTEN_NUMBER = /^\d[\d,]*(?:\.\d+)?$/;

/** The value from which a number is written in digits on its own here. */
function digitsFrom(c: MatchContext): number {
  return Math.max(c.o.spellOutBelow, c.writtenProse ? c.o.proseSpellOutBelow : 0, 1);
}

/**
 * words[k] is the last word of a number written in digits on its own,
 * spoken or written ("fifteen", "2000", "eighty one"); not an ordinal.
 */
function endsLargeNumber(c: MatchContext, k: number): boolean {
  const w = c.words[k];
  if (w === undefined) return false;
  const from = digitsFrom(c);
  // A leading zero makes digits a string ("040", as "zero four zero" was read), not a quantity.
  // An amount ("£30") is money, as "thirty pounds" ends in its currency, not a number.
  // A day after its month ("January 20", as "january twentieth" was written) is a date's, not an amount.
  if (WRITTEN_NUMBER.test(w)) {
    return !/^0\d/.test(w) && !/\p{Sc}$/u.test(c.punctBefore[k]!) && Number(w.replace(/,/g, "")) >= from && !c.t.months.has(c.words[k - 1] ?? "");
  }
  if (c.t.scales.has(w)) return true;
  // "o" and "oh" end a digit string as zeros ("six zero o" is 600).
  const n = c.t.numbers.get(w) ?? (c.t.zeroDigits.has(w) ? 0 : undefined);
  if (n === undefined) return false;
  const before = k > 0 && c.runEnd[k - 1] === c.runEnd[k] ? c.words[k - 1]! : "";
  // The end of a year said in pairs ("eleven o seven", written "1107"), as a second run sees it.
  for (const start of [k - 2, k - 1]) {
    if (start >= 0 && c.runEnd[start] === c.runEnd[k] && readPairedYear(c, start, k + 1)?.end === k + 1) return true;
  }
  if (n < 10) {
    // The end of a digit string ("eight zero zero"), valued as the telephone class writes it ("800").
    let start = k;
    while (start > 0 && c.runEnd[start - 1] === c.runEnd[k] && (digitOf(c.t, c.words[start - 1]!) !== undefined || REPEATS.has(c.words[start - 1]!))) start--;
    const string = readDigitString(c.t, c.words, start, k + 1, MIN_DIGITS);
    if (string !== null && string.end === k + 1) return !string.digits.startsWith("0") && Number(string.digits) >= from;
  }
  // "triple five" is written "555".
  const times = REPEATS.get(before);
  if (times !== undefined) return Number(String(n).repeat(times)) >= from;
  // The end of a bigger number read whole, as a second run sees it written: "one hundred five", "twenty eleven" (2011).
  if (c.t.scales.has(before)) return true;
  const prev = c.t.numbers.get(before);
  if (prev !== undefined && prev >= 10 && n >= 10) return true;
  // A unit after a tens word in the same phrase: "eighty one".
  return (prev !== undefined && prev >= 20 && n > 0 && n < 10 ? prev + n : n) >= from;
}

/**
 * words[k] joins two numbers: "and", "or", or "to" in a "from A to B" span
 * ("twenty to seven" alone may be a clock time).
 */
function pairs(c: MatchContext, k: number): boolean {
  const w = c.words[k];
  if (w === undefined) return false;
  if (COORDINATORS.has(w)) return true;
  if (w !== "to") return false;
  for (let j = k - 1; j >= 0 && j >= k - 6 && c.runEnd[j] === c.runEnd[k]; j--) if (c.words[j] === "from") return true;
  return false;
}

/** A number said with a percent sign, a currency or a unit next ("eight percent", "three dollars", "two kilometers"). */
function amountWithUnitAt(c: MatchContext, k: number): boolean {
  const runEnd = c.runEnd[k]!;
  const amount = readAmount(c, k, runEnd);
  if (amount === null || amount.end >= runEnd) return false;
  const j = amount.end;
  if (signedOrPriced(c.t, c.words, j, runEnd)) return true;
  const unit = matchPhrase(c.t.units, c.words, j, runEnd);
  // "three hours" stays words as the measure class writes it, so "two or three hours" does too.
  if (unit === null) return false;
  return unit.value.kind === "sci" || c.o.abbreviateAllUnits || amount.integer === undefined || !isSmall(c.o.spellOutBelow, amount.integer, amount.words);
}

/** "two to three billion", "one to two million dollars": "to" before a scaled amount joins a range, never a clock time. */
function toScaledAmount(c: MatchContext, k: number): boolean {
  if (c.words[k] !== "to") return false;
  const after = readAmount(c, k + 1, c.runEnd[k]!, false);
  return after !== null && after.integer === undefined && after.scale !== "";
}

/**
 * A small number paired by "and", "or" or "from … to" with one of 10 or more
 * is written like it, in digits ("from 2000 to 7", "2 or 81", "between 1 and
 * 15"): numbers compared side by side are written alike.
 */
function pairedWithLarge(c: MatchContext, i: number, end: number): boolean {
  if (c.o.nemo) return false;
  const sameRun = (k: number) => k >= 0 && k < c.words.length && c.runEnd[k] === c.runEnd[i];
  if (sameRun(i - 2) && pairs(c, i - 1) && endsLargeNumber(c, i - 2)) return true;
  if (!sameRun(end + 1)) return false;
  const paired = pairs(c, end);
  // "between seven and eight percent", "two or three dollars", "seven to eight percent": the amount after
  // is written in figures whatever its size, and so is the number compared with it.
  if ((paired || c.words[end] === "to") && amountWithUnitAt(c, end + 1)) return true;
  if (!(paired || toScaledAmount(c, end))) return false;
  const next = c.words[end + 1]!;
  // A figure hyphened to the next word ("20-90") is no amount alone, as its spoken form ("twenty-to ninety") was not.
  if (WRITTEN_NUMBER.test(next)) return !/^0\d/.test(next) && Number(next.replace(/,/g, "")) >= digitsFrom(c) && c.tokenOf[end + 2] !== c.tokenOf[end + 1];
  // "and triple one" is written "and 111", as a second run sees it.
  const times = REPEATS.get(next);
  const unit = times !== undefined && sameRun(end + 2) ? c.t.numbers.get(c.words[end + 2]!) : undefined;
  if (times !== undefined && unit !== undefined && unit < 10) return Number(String(unit).repeat(times)) >= digitsFrom(c);
  // Read as the cardinal and date classes will read it: "twelve eleven" is the year 1211, not 12.
  if (readPairedYear(c, end + 1, c.runEnd[i]!) !== null) return true;
  // A digit string is written as the telephone class writes it: "and one zero zero" -> "and 100".
  const string = readDigitString(c.t, c.words, end + 1, c.runEnd[i]!, MIN_DIGITS);
  if (string !== null) return !string.digits.startsWith("0") && Number(string.digits) >= digitsFrom(c);
  const after = readAmount(c, end + 1, c.runEnd[i]!, false);
  if (after === null) return false;
  // "forty million" is written "40 million": large, as a second run sees "40".
  if (after.integer === undefined) return after.scale !== "";
  if (continuesAsOrdinal(c, after.end, after.integer, c.runEnd[i]!)) return false;
  return after.integer >= BigInt(digitsFrom(c));
}

/**
 * The number read up to `k` is the start of an ordinal ("and twenty first" -> "21st"):
 * a tens value and a unit ordinal in the same phrase. Only a cardinal pairs; a
 * separate ordinal ("fifty: tenth", "fifty tenth") leaves the cardinal one, as a
 * second run reading "50" sees it.
 */
function continuesAsOrdinal(c: MatchContext, k: number, value: bigint, runEnd: number): boolean {
  if (k >= runEnd || value % 10n !== 0n) return false;
  // An ordinal hyphened to the next word ("first-zero") is read with it, not with the tens before it.
  if (c.tokenOf[k + 1] === c.tokenOf[k]) return false;
  const unit = c.t.numbers.get(c.t.ordinals.get(c.words[k]!) ?? "");
  return unit !== undefined && unit >= 1 && unit <= 9;
}

/** A one-word, non-negative number under the threshold: prose keeps it as a word. */
export function isSmall(threshold: number, value: bigint, words: number): boolean {
  return words === 1 && value >= 0n && value < BigInt(threshold);
}

const FEET: ReadonlySet<string> = new Set(["foot", "feet"]);

/**
 * "five foot eleven": a height's inches after feet prose kept in words ("five foot" stays, as small
 * numbers before a word unit do) stay words too, not "five foot 11".
 */
export function inchesAfterSpokenFeet(c: MatchContext, i: number, value: bigint, words: number): boolean {
  if (c.o.nemo || words > 1 || value > 11n || i < 2 || !FEET.has(c.words[i - 1]!)) return false;
  const feet = c.t.numbers.get(c.words[i - 2]!);
  return feet !== undefined && isSmall(c.o.spellOutBelow, BigInt(feet), 1);
}

/**
 * "between three and four hundred million", "from two to three thousand": a one-word number paired with a
 * scaled one shares its "hundred" or "thousand" as the range class reads it (sharedRangeScale), and is
 * written as that one is ("300 and 400 million", "from 2,000 to 3,000", "1000 or 2000 people"), not
 * "3 and 400 million". Null when it shares no scale.
 */
function firstEndWithSharedScale(c: MatchContext, end: number, x: bigint): string | null {
  if (!(pairs(c, end) || c.words[end] === "to")) return null;
  const after = readAmount(c, end + 1, c.runEnd[end]!, false);
  if (after === null || !/^[\d,]+$/.test(after.number)) return null;
  // "four hundred million" keeps its "million": the shared scale is read in the words before it.
  const secondEnd = after.integer === undefined ? after.end - 1 : after.end;
  const scale = sharedRangeScale(c, x, end + 1, secondEnd, after.integer ?? BigInt(after.number.replace(/,/g, "")));
  if (scale === undefined) return null;
  return after.number.includes(",") ? formatInteger(c, x * scale, "count") : (x * scale).toString();
}
