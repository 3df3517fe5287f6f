// time: "five thirty p m" -> "5:30 p.m.", "quarter past two" -> "2:15",
// "quarter to twelve" -> "11:45", "twenty to three p m" -> "2:40 p.m.", "three
// o'clock" -> "3:00", time zones from a table ("eight oclock g m t" -> "8:00 GMT"). A bare "eight fifty two" is a
// time with the bare_clock param (nemo style) or after "at", "by", … ("at ten thirty" -> "at 10:30"); elsewhere
// in prose it is two numbers.
import { readCardinal, readPairTail, readTwoDigits } from "./numbers.js";
import { matchPhrase } from "./tables.js";
import type { ClassMatcher, MatchContext } from "./span.js";

const CONFIDENCE = 0.85;
const BARE_CONFIDENCE = 0.6;
/** A bare clock after "at", "by", …: a time far more often than anything else, less surely than with "p.m.". */
const AT_CLOCK_CONFIDENCE = 0.75;
const OCLOCK = new Set(["o'clock", "oclock", "o’clock"]);
const PAST = new Set(["past", "after"]);
const TO = new Set(["to", "till", "til", "before", "of"]);
const MINUTE_WORDS = new Set(["minute", "minutes", "min", "mins"]);

function readHour(c: MatchContext, i: number, end: number): { hour: number; end: number } | null {
  const card = readCardinal(c.t, c.words, i, end);
  if (card === null || card.value < 1n || card.value > 12n) return null;
  return { hour: Number(card.value), end: card.end };
}

/** "a m", "am", "a.m" (the trailing period was split off the token) -> "a.m."/"A.M." in the speaker's case. */
function readMeridiem(c: MatchContext, i: number, end: number): { text: string; end: number } | null {
  if (i >= end) return null;
  const w = c.words[i]!;
  let letter: string;
  let next = i + 1;
  if (w === "am" || w === "pm" || w === "a.m" || w === "p.m") letter = c.raw[i]![0]!;
  else if ((w === "a" || w === "p") && i + 1 < end && c.words[i + 1] === "m") {
    letter = c.raw[i]!;
    next = i + 2;
  } else return null;
  const upper = letter === letter.toUpperCase() && c.raw[next - 1]!.slice(-1) === c.raw[next - 1]!.slice(-1).toUpperCase();
  return { text: upper ? `${letter.toUpperCase()}.M.` : `${letter.toLowerCase()}.m.`, end: next };
}

function clock(c: MatchContext, hour: number, minute: number, showZeroMinutes: boolean): string {
  const h = c.o.padHour ? String(hour).padStart(2, "0") : String(hour);
  if (minute === 0 && !showZeroMinutes) return h;
  return `${h}:${String(minute).padStart(2, "0")}`;
}

/** Minutes in "ten past two" / "twenty five minutes to three": a count, "quarter" or "half". */
function readMinutes(c: MatchContext, i: number, end: number): { minutes: number; end: number; explicit: boolean } | null {
  const w = c.words[i];
  if (w === "quarter") return { minutes: 15, end: i + 1, explicit: true };
  // "a quarter to five" -> "4:45": the article is the time's.
  if (w === "a" && c.words[i + 1] === "quarter" && c.words[i - 1] !== "and") return { minutes: 15, end: i + 2, explicit: true };
  if (w === "half") return { minutes: 30, end: i + 1, explicit: true };
  const card = readCardinal(c.t, c.words, i, end);
  if (card === null || card.value < 1n || card.value > 59n) return null;
  const withWord = card.end < end && MINUTE_WORDS.has(c.words[card.end]!);
  return { minutes: Number(card.value), end: withWord ? card.end + 1 : card.end, explicit: withWord };
}

/** "quarter past two", "ten to three": a relative time or null. */
function readRelative(c: MatchContext, i: number, end: number): { hour: number; minute: number; end: number } | null {
  const m = readMinutes(c, i, end);
  if (m === null || m.end >= end) return null;
  const rel = c.words[m.end]!;
  const past = PAST.has(rel);
  if (!past && !TO.has(rel)) return null;
  // "half to" is no clock ("one and a half to two times"), and "and a quarter" is a mixed number's.
  const word = c.words[i];
  if (word === "half" && !past) return null;
  if ((word === "quarter" || word === "half") && (c.words[i - 1] === "and" || (c.words[i - 1] === "a" && c.words[i - 2] === "and"))) return null;
  const h = readHour(c, m.end + 1, end);
  if (h === null) return null;
  // "ten to three" is too often a range in prose: "to" needs "quarter", "minutes" or an "a.m."/"p.m." after
  // the hour ("twenty to three p m"); "after" too.
  const clockAfter = readMeridiem(c, h.end, end) !== null;
  if ((!past || rel === "after") && !m.explicit && !clockAfter && !(rel === "to" && atTime(c, i, m.minutes, h.end))) return null;
  if (m.minutes > 30 && m.minutes !== 45 && !m.explicit) return null;
  if (past) return { hour: h.hour, minute: m.minutes, end: h.end };
  return { hour: h.hour === 1 ? 12 : h.hour - 1, minute: 60 - m.minutes, end: h.end };
}

/** Before a bare clock ("at ten thirty"); "before nine eleven" and "after twenty twenty" name events and years. */
const AT_CLOCK: ReadonlySet<string> = new Set(["at", "by", "around", "until", "till"]);
/** Before a time, not a span: "at", "by", "around", "until". */
const AT_TIME: ReadonlySet<string> = new Set([...AT_CLOCK, "before", "after"]);
/** Minutes a clock is read by with "to" ("twenty to seven"); "three to five" is a span. */
const CLOCK_MINUTES: ReadonlySet<number> = new Set([5, 10, 20, 25]);
/** Words that may follow a clock time: "at ten to six in the evening", "by twenty to nine tonight". */
const AFTER_CLOCK: ReadonlySet<string> = new Set([
  "in", "on", "this", "tonight", "tomorrow", "today", "yesterday", "and", "when", "so", "but", "then", "that", "every", "sharp", "or", "we", "i", "he", "she", "they", "you",
]);

/**
 * "we met at twenty to seven": after "at" (or "by", "until", …) "X to Y" names a clock time when X is
 * a clock's minutes and nothing but the end of the phrase or a word a time goes before follows
 * ("at two to three people", "at three to five years" are spans).
 */
function atTime(c: MatchContext, i: number, minutes: number, hourEnd: number): boolean {
  if (!AT_TIME.has(c.words[i - 1] ?? "") || c.runEnd[i - 1] !== c.runEnd[i] || !CLOCK_MINUTES.has(minutes)) return false;
  return hourEnd >= c.runEnd[i]! || AFTER_CLOCK.has(c.words[hourEnd]!);
}


/**
 * "we met at eleven fifteen", "at ten thirty o'clock": hour and minutes after "at" (or "by", "until", …)
 * with nothing but the phrase's end, "o'clock" or a word a time goes before after them name a clock time,
 * not a year ("at 1030") nor two numbers. Not before a noun ("at two twenty people"), and only on the
 * five minutes a clock is read by without "a.m." ("at nine eleven" is as often the date).
 */
function atBareClock(c: MatchContext, i: number, minute: number, minutesEnd: number): boolean {
  if (!AT_CLOCK.has(c.words[i - 1] ?? "") || c.runEnd[i - 1] !== c.runEnd[i] || minute % 5 !== 0) return false;
  return minutesEnd >= c.runEnd[i]! || AFTER_CLOCK.has(c.words[minutesEnd]!) || oclockAt(c, minutesEnd, c.runEnd[i]!) > 0;
}

function withZone(c: MatchContext, text: string, i: number, end: number): { text: string; end: number } {
  const zone = matchPhrase(c.t.timeZones, c.words, i, end);
  if (zone === null) return { text, end: i };
  const written = c.o.nemo ? c.raw.slice(i, zone.end).join("") : zone.value;
  return { text: `${text} ${written}`, end: zone.end };
}

/** Words of "o'clock" at words[j] ("o'clock", "oclock", "o clock"): 0 if none. */
export function oclockAt(c: MatchContext, j: number, end: number): number {
  if (j >= end) return 0;
  if (OCLOCK.has(c.words[j]!)) return 1;
  return j + 1 < end && c.words[j] === "o" && c.words[j + 1] === "clock" ? 2 : 0;
}

/**
 * "seventeen hundred hours" -> "17:00": an hour of the day (0..23) and "hundred hours", read so in the nemo
 * style only, as NeMo reads it (in prose "twelve hundred hours of video" is as often a duration).
 */
function readHundredHours(c: MatchContext, i: number, end: number): { hour: number; end: number } | null {
  const two = readTwoDigits(c.t, c.words, i, end);
  const single = c.t.numbers.get(c.words[i]!);
  const hour = two ?? (single !== undefined && single < 10 ? { value: single, end: i + 1 } : null);
  if (hour === null || hour.value > 23 || hour.end + 1 >= end) return null;
  return c.words[hour.end] === "hundred" && c.words[hour.end + 1] === "hours" ? { hour: hour.value, end: hour.end + 2 } : null;
}

export const matchTime: ClassMatcher = (c, i, end) => {
  const rel = readRelative(c, i, end);
  if (rel !== null) {
    // "half past ten o'clock": the "o'clock" is the time's.
    rel.end += oclockAt(c, rel.end, end);
    const mer = readMeridiem(c, rel.end, end);
    const base = clock(c, rel.hour, rel.minute, true) + (mer ? ` ${mer.text}` : "");
    const z = withZone(c, base, mer ? mer.end : rel.end, end);
    return { end: z.end, text: z.text, confidence: CONFIDENCE };
  }
  const military = c.o.nemo ? readHundredHours(c, i, end) : null;
  if (military !== null) {
    const z = withZone(c, clock(c, military.hour, 0, true), military.end, end);
    return { end: z.end, text: z.text, confidence: CONFIDENCE };
  }
  const h = readHour(c, i, end);
  if (h === null) return null;
  let j = h.end;
  let minute = 0;
  let hasMinutes = false;
  const tail = readPairTail(c.t, c.words, j, end);
  if (tail !== null && Number(tail.digits) < 60) {
    minute = Number(tail.digits);
    hasMinutes = true;
    j = tail.end;
  }
  const oclockWords = hasMinutes ? 0 : oclockAt(c, j, end);
  const oclock = oclockWords > 0;
  j += oclockWords;
  const mer = readMeridiem(c, j, end);
  const atClock = mer === null && !oclock && hasMinutes && atBareClock(c, i, minute, j);
  if (mer === null && !oclock && !atClock && !(hasMinutes && c.o.bareClock)) return null;
  const showZero = oclock || c.o.nemo;
  const base = clock(c, h.hour, minute, showZero || hasMinutes) + (mer ? ` ${mer.text}` : "");
  const z = withZone(c, base, mer ? mer.end : j, end);
  return { end: z.end, text: z.text, confidence: mer || oclock ? CONFIDENCE : atClock ? AT_CLOCK_CONFIDENCE : BARE_CONFIDENCE };
};
