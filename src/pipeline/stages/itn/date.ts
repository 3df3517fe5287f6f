// date: years ("nineteen ninety five" -> "1995", "nineteen oh five",
// "the nineteen nineties" -> "the 1990s", "the seventeen hundreds" -> "the
// 1700s", "the two thousands" -> "the 2000s"), month day year ("july fourth
// twenty twenty" -> "July 4, 2020"), day of month ("the twenty fifth of july"
// -> "the 25th of July", "twelfth january" -> "12th January", "25 July 2012"
// with a year), month year ("october nineteen oh five"), quarters ("second
// quarter of twenty twenty two" -> "Q2 2022" in the nemo style), eras after a
// year ("fifteen hundred b c" -> "1500 BC", "four fifty b c" -> "450 BC").
import { readCardinal, readDigitString, readPairTail, readTwoDigits } from "./numbers.js";
import { ordinalSuffix, readOrdinal } from "./ordinal.js";
import { followsNumber, isNumberAt, type ClassMatcher, type MatchContext, type SpanMatch } from "./span.js";
import { matchPhrase } from "./tables.js";

const YEAR_CONFIDENCE = 0.8;
const DATE_CONFIDENCE = 0.85;
/**
 * Paired years read 1000..2099: the first half is 10..20 ("sixteen sixty five", "twenty twelve"). "twenty two
 * twenty one", "twenty one twenty eight percent" are two numbers said in a row, not the 23rd century.
 */
const PAIR_FIRST_MIN = 10;
const PAIR_FIRST_MAX = 20;
/**
 * After these a pair of numbers counts, never names a year: "twelve eighteen months" is 12-18 months,
 * "thirteen fourteen hundred homes" 1300-1400.
 */
const NOT_AFTER_YEAR = new Set(["hundred", "thousand", "million", "billion", "percent", "months", "weeks", "days", "hours", "minutes"]);
/** Month names that are also common words ("we march ten miles"): a day after them must be ordinal. */
const AMBIGUOUS_MONTHS = new Set(["may", "march"]);
/** The tens said as a plural: a decade after a century ("nineteen nineties"), or a graded range ("low forties"). */
export const DECADES: ReadonlyMap<string, string> = new Map([
  ["twenties", "20"], ["thirties", "30"], ["forties", "40"], ["fifties", "50"],
  ["sixties", "60"], ["seventies", "70"], ["eighties", "80"], ["nineties", "90"],
]);

interface Reading {
  text: string;
  end: number;
}

/** A year said in pairs ("nineteen ninety five", "twenty oh five") or a decade ("nineteen nineties"). */
export function readPairedYear(c: MatchContext, i: number, end: number): Reading | null {
  const first = readTwoDigits(c.t, c.words, i, end);
  if (first === null || first.value < PAIR_FIRST_MIN || first.value > PAIR_FIRST_MAX || first.end >= end) return null;
  const decade = DECADES.get(c.words[first.end]!);
  if (decade !== undefined) return { text: `${first.value}${decade}s`, end: first.end + 1 };
  // A century said by its hundreds: "the seventeen hundreds" -> "the 1700s".
  if (c.words[first.end] === "hundreds") return { text: `${first.value}00s`, end: first.end + 1 };
  const tail = readPairTail(c.t, c.words, first.end, end);
  // Nor before an ordinal's unit: "fifteen twenty-first" ends in "21st", not in the year 1520.
  const next = c.words[tail?.end ?? 0] ?? "";
  if (tail === null || NOT_AFTER_YEAR.has(next) || (c.t.ordinals.has(next) && c.tokenOf[tail.end] === c.tokenOf[tail.end - 1])) return null;
  return { text: `${first.value}${tail.digits}`, end: tail.end };
}

/** "AD" said as "ad" is also the advertisement ("the nineteen eighty four ad campaign"): an era only before these or a pause. */
const AFTER_AD: ReadonlySet<string> = new Set(["and", "the", "in", "when", "to", "until", "during", "was", "is", "by", "with", "where", "which", "that", "a", "he", "she", "they", "we", "it", "there", "but", "so", "or"]);

/**
 * An era marker after a year as ASR writes it ("b c", "ce", "ad") -> " BC", " CE", " AD" (config/itn/en/eras.tsv).
 * Null where none follows, where it is already written ("CE", "B.C."), which is left as it stands, and for an "ad"
 * that goes on into a noun.
 */
export function readEra(c: MatchContext, k: number, end: number): Reading | null {
  const m = matchPhrase(c.t.eras, c.words, k, end);
  if (m === null || c.raw.slice(k, m.end).join(" ") === m.value || c.raw[k]!.includes(".")) return null;
  if (m.value === "AD" && m.end < end && !AFTER_AD.has(c.words[m.end]!)) return null;
  return { text: ` ${m.value}`, end: m.end };
}

/** Hundreds said in pairs, "four fifty" (450): a digit, then two digits or "oh" and one. */
function readHundredsInPairs(c: MatchContext, i: number, end: number): Reading | null {
  const d = c.t.numbers.get(c.words[i]!);
  if (d === undefined || d < 1 || d > 9 || i + 1 >= end) return null;
  const tail = readPairTail(c.t, c.words, i + 1, end);
  return tail === null ? null : { text: `${d}${tail.digits}`, end: tail.end };
}

/**
 * A year before 1000 said in pairs, known as one by its era: "four fifty b c" -> "450 BC", "eight twenty c e"
 * -> "820 CE"; so is the first year of a span that ends in its era ("seven eighty eight to eight twenty c e":
 * "788 to 820 CE"). Without an era "four fifty" is a price, a time or two numbers, and is left to them.
 */
function readEraYear(c: MatchContext, i: number, end: number): Reading | null {
  const year = readHundredsInPairs(c, i, end);
  if (year === null) return null;
  const era = readEra(c, year.end, end);
  if (era !== null) return { text: year.text + era.text, end: era.end };
  if (c.words[year.end] !== "to" || year.end + 1 >= end) return null;
  const last = readHundredsInPairs(c, year.end + 1, end) ?? readCardinal(c.t, c.words, year.end + 1, end);
  return last !== null && readEra(c, last.end, end) !== null ? year : null;
}

/** A reading with the era said after it, if any: "fifteen hundred b c" -> "1500 BC". */
export function withEra<T extends { text: string; end: number }>(c: MatchContext, r: T, end: number): T {
  const era = readEra(c, r.end, end);
  return era === null ? r : { ...r, text: r.text + era.text, end: era.end };
}

/** The decade said as its thousands: "the two thousands" -> "the 2000s" ("two thousand" alone is a year or a count). */
function readMillennium(c: MatchContext, i: number, end: number): Reading | null {
  return c.words[i] === "two" && c.words[i + 1] === "thousands" && i + 1 < end ? { text: "2000s", end: i + 2 } : null;
}

/** A year after a month: paired, or a cardinal 1000..2999 ("two thousand twelve"). */
export function readYear(c: MatchContext, i: number, end: number): Reading | null {
  const paired = readPairedYear(c, i, end);
  const card = readCardinal(c.t, c.words, i, end);
  if (card !== null && card.value >= 1000n && card.value < 3000n && (paired === null || card.end > paired.end)) {
    return { text: card.value.toString(), end: card.end };
  }
  return paired;
}

/** What ITN writes of a unit word: "4", "4th", or a clock it began ("eight fifty" -> "08:50"). */
const WRITTEN_UNIT = /^(?:[1-9](?:st|nd|rd|th)?|0?[1-9]:\d\d)$/;

/** A day of the month 1..31, ordinal or cardinal. */
function readDay(c: MatchContext, i: number, end: number): { day: number; end: number; ordinal: boolean } | null {
  const ord = readOrdinal(c, i, end);
  if (ord !== null) return ord.value >= 1n && ord.value <= 31n ? { day: Number(ord.value), end: ord.end, ordinal: true } : null;
  let card = readCardinal(c.t, c.words, i, end);
  // "thirty four-nineteen": a last word hyphened to the next is read with it (a time, "04:19"), as a second run
  // sees "thirty 04:19".
  if (card !== null && card.end - i > 1 && c.tokenOf[card.end] === c.tokenOf[card.end - 1]) card = readCardinal(c.t, c.words, i, card.end - 1);
  // "thirty eight zero zero": the last word opens a digit string (800), as a second run sees "thirty 800".
  if (card !== null && card.end - i > 1 && (readDigitString(c.t, c.words, card.end - 1, end, 3)?.end ?? 0) > card.end) {
    card = readCardinal(c.t, c.words, i, card.end - 1);
  }
  if (card === null || card.value < 1n || card.value > 31n) return null;
  // "thirty 4th", "twenty 2 billion" are what ITN leaves of one number split by a hyphen ("january-thirty fourth",
  // "january-twenty two-billion"): a tens word before a written unit is no day.
  if (card.value % 10n === 0n && WRITTEN_UNIT.test(c.words[card.end] ?? "")) return null;
  return { day: Number(card.value), end: card.end, ordinal: false };
}

function monthText(c: MatchContext, k: number): string {
  return c.o.capitalizeMonths ? c.t.months.get(c.words[k]!)!.written : c.raw[k]!;
}

/** A day of the month already written before the month ("7 September", "the 7th of September"). */
const WRITTEN_DAY = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/;

/** month [day] [year], the longest reading; only a year after a month whose day came before it ("7 September four months"). */
function readMonthFirst(c: MatchContext, i: number, end: number): Reading | null {
  const month = monthText(c, i);
  const yearOnly = readYear(c, i + 1, end);
  let best: Reading | null = yearOnly && { text: `${month} ${yearOnly.text}`, end: yearOnly.end };
  const dayBefore = WRITTEN_DAY.test(c.words[i - 1] ?? "") || (c.words[i - 1] === "of" && WRITTEN_DAY.test(c.words[i - 2] ?? ""));
  const day = dayBefore ? null : readDay(c, i + 1, end);
  if (day !== null) {
    const year = readYear(c, day.end, end);
    if (year !== null && (best === null || year.end > best.end)) {
      best = { text: `${month} ${day.day}${c.o.dateComma ? "," : ""} ${year.text}`, end: year.end };
    } else if (best === null && (day.ordinal || !AMBIGUOUS_MONTHS.has(c.words[i]!))) {
      best = { text: `${month} ${day.day}`, end: day.end };
    }
  }
  return best;
}

/**
 * [the] ordinal ["of"] month [year]: "the twenty fifth of july twenty twelve" and "twenty fifth july twenty
 * twelve" -> "25 July 2012". Without "of" a year must follow "may" or "march" ("the first may be").
 */
function readDayFirst(c: MatchContext, i: number, end: number): Reading | null {
  const start = c.words[i] === "the" ? i + 1 : i;
  // "thirteen second january": after a number "second" is the measure's unit ("13 second"), and stays so on a second run.
  if (start === i && c.t.unitForms.has(c.words[i]!) && followsNumber(c, i)) return null;
  const ord = readOrdinal(c, start, end);
  if (ord === null || ord.value < 1n || ord.value > 31n) return null;
  const of = c.words[ord.end] === "of";
  const monthAt = of ? ord.end + 1 : ord.end;
  if (monthAt >= end || !c.t.months.has(c.words[monthAt]!)) return null;
  const monthEnd = monthAt + 1;
  const base = `${ord.value.toString()} ${monthText(c, monthAt)}`;
  const year = readYear(c, monthEnd, end);
  if (year !== null) return { text: `${base} ${year.text}`, end: year.end };
  // Without "of" a month that is also a common word needs the year it did not get ("the first may be").
  if (!of && AMBIGUOUS_MONTHS.has(c.words[monthAt]!)) return null;
  // A number after the month that is no year is the month's day ("first of january twenty" -> "first of January 20"),
  // however the tokens fall (a second run sees "first-of January 20" where the first saw "january-twenty").
  if (isNumberAt(c, monthEnd) || (of && c.t.ordinals.has(c.words[monthEnd] ?? ""))) return null;
  if (c.o.nemo) return of ? { text: base, end: monthEnd } : null;
  // Without a year, prose keeps the words said around the day: "on the 19th of December" (LibriTTS's book
  // text writes it so 69 times, "19 December" never), "the 9th October".
  const the = start > i ? `${c.raw[i]!} ` : "";
  const ofSaid = of ? ` ${c.raw[ord.end]!}` : "";
  return { text: `${the}${ord.value.toString()}${ordinalSuffix(ord.value)}${ofSaid} ${monthText(c, monthAt)}`, end: monthEnd };
}

/**
 * first..fourth "quarter" [of] year -> "Q2 2022", in NeMo's style. Prose keeps the words and writes
 * the year ("the first quarter of 2020", as the Earnings-21 transcripts write it 32 times to 7
 * "Q3 of 2019" and never "Q3 2019"): the year class reads it there.
 */
function readQuarter(c: MatchContext, i: number, end: number): Reading | null {
  if (!c.o.nemo) return null;
  const ord = readOrdinal(c, i, end);
  if (ord === null || ord.value < 1n || ord.value > 4n || c.words[ord.end] !== "quarter") return null;
  const yearStart = c.words[ord.end + 1] === "of" ? ord.end + 2 : ord.end + 1;
  const year = readYear(c, yearStart, end);
  return year ? { text: `Q${ord.value.toString()} ${year.text}`, end: year.end } : null;
}

export const matchDate: ClassMatcher = (c, i, end) => {
  const w = c.words[i]!;
  let r: Reading | null;
  let confidence = DATE_CONFIDENCE;
  if (c.t.months.has(w)) r = readMonthFirst(c, i, end);
  else {
    r = readDayFirst(c, i, end) ?? readQuarter(c, i, end);
    if (r === null) {
      const year = readPairedYear(c, i, end);
      r = year !== null && /^\d+$/.test(year.text) ? withEra(c, year, end) : year ?? readMillennium(c, i, end) ?? readEraYear(c, i, end);
      confidence = YEAR_CONFIDENCE;
    }
  }
  return r === null ? null : ({ end: r.end, text: r.text, confidence } satisfies SpanMatch);
};
