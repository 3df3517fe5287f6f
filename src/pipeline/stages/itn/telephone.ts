// telephone: spoken digit strings — "one two three one two three five six
// seven eight" -> "123-123-5678", "plus forty four …" -> "+44 123-123-5678",
// card-like groupings ("1234 123456 1234") — IPv4 addresses ("one twenty
// three dot one two three dot o dot four o") and serial / product codes
// ("x eighty six" -> "x86", "E s three" -> "Es3", "forty fifty t i" -> "4050ti");
// ISBNs (isbn.ts).
import { readEra, readPairedYear } from "./date.js";
import { afterIsbnLabel, readIsbn } from "./isbn.js";
import { digitOf, readCardinal, readDigitString, readPluralTens, readTwoDigits, REPEATS, SINGLE_LETTER, WRITTEN_ORDINAL } from "./numbers.js";
import { matchPhrase } from "./tables.js";
import { oclockAt } from "./time.js";
import { afterLabelIn, followsNumber, isNumberAt, startsUpper, writtenAmountAt, type ClassMatcher, type MatchContext, type SpanMatch } from "./span.js";

const PHONE_CONFIDENCE = 0.8;
const DIGITS_CONFIDENCE = 0.7;
/** Fewer spoken digits than this in a row is prose ("one two"), not a number string. */
export const MIN_DIGITS = 3;
/** A string opening with "oh" needs three digits after it: "oh one more thing" is an interjection. */
const MIN_DIGITS_AFTER_OH = 4;
/**
 * "o" (not "oh") is a zero said as the letter, never an interjection in
 * lower-case text: two digits are a number ("o five" -> "05", "o o one" -> "001").
 */
const LETTER_ZERO = "o";
const MIN_DIGITS_AFTER_LETTER_ZERO = 2;

/** A 10-digit number, or a card number (4-6-4 or 4-4-4-4 digits). */
function numberPart(digits: string): string | null {
  if (digits.length === 10) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  if (digits.length === 14) return `${digits.slice(0, 4)} ${digits.slice(4, 10)} ${digits.slice(10)}`;
  if (digits.length === 16) return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
  return null;
}

function layout(c: MatchContext, digits: string): string {
  const whole = numberPart(digits);
  if (whole !== null) return whole;
  if (digits.length === 7) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  if (c.o.nemo) {
    // NeMo's reading: a country code of 1..3 digits, a space, then a number part.
    for (const partLength of [10, 14, 16]) {
      const code = digits.length - partLength;
      if (code >= 1 && code <= 3) return `${digits.slice(0, code)} ${numberPart(digits.slice(code))!}`;
    }
  } else if (digits.length === 11 && digits[0] === "1") return `1-${numberPart(digits.slice(1))!}`;
  return digits;
}

/** One dotted group of an address: "one twenty three", "one two three", "forty five", "double five". */
function readGroup(c: MatchContext, i: number, end: number): { value: string; end: number } | null {
  let best: { value: string; end: number } | null = null;
  const d = c.t.numbers.get(c.words[i] ?? "");
  if (d !== undefined && d >= 1 && d <= 9) {
    const rest = readTwoDigits(c.t, c.words, i + 1, end);
    if (rest !== null) best = { value: String(d * 100 + rest.value), end: rest.end };
  }
  const digits = readDigitString(c.t, c.words, i, end);
  if (digits !== null && (best === null || digits.end > best.end)) best = { value: digits.digits, end: digits.end };
  const card = readCardinal(c.t, c.words, i, end);
  if (card !== null && card.value <= 255n && (best === null || card.end > best.end)) best = { value: card.value.toString(), end: card.end };
  return best;
}

function readAddress(c: MatchContext, i: number, end: number): { text: string; end: number } | null {
  const groups: string[] = [];
  let j = i;
  for (;;) {
    const g = readGroup(c, j, end);
    if (g === null || Number(g.value) > 255) return null;
    groups.push(g.value);
    j = g.end;
    if (groups.length === 4) return { text: groups.join("."), end: j };
    if (c.words[j] !== "dot" || j + 1 >= end) return null;
    j += 1;
  }
}

/** A number word that is not a digit, or a number already written in digits. */
function isNumberAfter(c: MatchContext, word: string): boolean {
  if (/^\d/.test(word)) return true;
  return (c.t.numbers.has(word) || c.t.scales.has(word)) && digitOf(c.t, word) === undefined;
}

/** Single letters that never spell a code: the words "a" and "I", and "o" (a zero). */
const NOT_CODE_LETTERS = new Set(["a", "i", "o"]);
/** Letters that may start a serial code (the stage's starter index uses this too). */
export const CODE_LETTERS: readonly string[] = [..."bcdefghjklmnpqrstuvwxyz"];

/**
 * One piece of a code: a spelled letter, a digit word, a two-digit number ("eighty six") or its plural
 * ("x p seventy fives" -> "xp75s"). `after` is the kind of the piece before, if any.
 */
function codeItem(c: MatchContext, k: number, end: number, after: "letter" | "digits" | null): { text: string; end: number; letter: boolean } | null {
  const w = c.words[k]!;
  // "o" after digits is a zero ("l t m four five o" -> "ltm450"), but for "o clock" and before a spelled
  // letter ("two one o c l c"), which reads the same whether the letters after were joined by a first run or not.
  if (w === LETTER_ZERO && after === "digits" && oclockAt(c, k, end) === 0 && !beforeSpelledLetter(c, k, end)) return { text: "0", end: k + 1, letter: false };
  // "c o two" -> "co2", "n o two": after a code's one spelled letter and before a digit other than zero,
  // "o" is the letter too ("j h e p o o o eight" is "JHEP 0008").
  if (w === LETTER_ZERO && after === "letter" && k + 1 < end && oneLetterBefore(c, k) && (digitOf(c.t, c.words[k + 1]!) ?? 0) > 0) {
    return { text: c.raw[k]!, end: k + 1, letter: true };
  }
  // "a" and "i" only inside a run of letters ("t i"), never after a number ("x86 i think"). An "a" that
  // ends the code after one letter is the article: "fifty k a year" is "50k a year", not "50ka".
  if (SINGLE_LETTER.test(w)) {
    if (w === "o" || (after !== "letter" && NOT_CODE_LETTERS.has(w))) return null;
    if (w === "a" && !SINGLE_LETTER.test(c.words[k - 2] ?? "") && !codeGoesOn(c, k + 1, end)) return null;
    return { text: c.raw[k]!, end: k + 1, letter: true };
  }
  // "b b c Two", "Radio One": with respect_case a capitalised number word is a name's, as it is alone.
  if (c.o.respectCase && startsUpper(c.raw[k]!)) return null;
  const plural = readPluralTens(c.t, c.words, k, end);
  if (plural !== null) return { text: plural.text, end: plural.end, letter: false };
  const two = readTwoDigits(c.t, c.words, k, end);
  if (two !== null) return { text: String(two.value), end: two.end, letter: false };
  const n = c.t.numbers.get(w);
  return n !== undefined && n < 10 ? { text: String(n), end: k + 1, letter: false } : null;
}

/** A letter or a digit word at words[k] carries a code on. */
function codeGoesOn(c: MatchContext, k: number, end: number): boolean {
  const w = c.words[k];
  return k < end && w !== undefined && (SINGLE_LETTER.test(w) || digitOf(c.t, w) !== undefined || c.t.numbers.has(w));
}

/** words[k - 1] is a lone spelled letter starting its phrase's run of letters: "c" in "the c o two". */
function oneLetterBefore(c: MatchContext, k: number): boolean {
  return k >= 1 && SINGLE_LETTER.test(c.words[k - 1]!) && (k < 2 || c.runEnd[k - 2] !== c.runEnd[k - 1] || !SINGLE_LETTER.test(c.words[k - 2]!));
}

/**
 * The "o" at words[k] opens a word spelled in letters ("two one o c l c"): two letters follow, or a letter
 * and the code a first run joined the rest into ("zero-o g m t-x zero" is read "zero-o g mtx0" then).
 */
function beforeSpelledLetter(c: MatchContext, k: number, end: number): boolean {
  if (k + 2 >= end || !SINGLE_LETTER.test(c.words[k + 1]!) || c.words[k + 1] === LETTER_ZERO) return false;
  const third = c.words[k + 2]!;
  return (SINGLE_LETTER.test(third) && third !== LETTER_ZERO) || /^\p{L}+\d/u.test(third);
}

const YEAR = /^(?:19|20)\d\d$/;

/** The word after the number at words[k]: past its spoken words ("ninety one"), or the one figure. */
function numberEnd(c: MatchContext, k: number): number {
  if (/^\d/.test(c.words[k]!)) return k + 1;
  let e = k;
  while (e < c.words.length && (c.t.numbers.has(c.words[e]!) || c.t.scales.has(c.words[e]!)) && (e === k || c.runEnd[e - 1] === c.runEnd[e])) e++;
  return e;
}

/** A year said in pairs at words[k] that starts and ends with its tokens ("e-nineteen fifteen" is none). */
function yearOfWholeTokensAt(c: MatchContext, k: number, end: number): boolean {
  const year = readPairedYear(c, k, end);
  return year !== null && YEAR.test(year.text) && (k === 0 || c.tokenOf[k] !== c.tokenOf[k - 1]) &&
    (year.end >= c.words.length || c.tokenOf[year.end] !== c.tokenOf[year.end - 1]);
}

/** "'s" detached ("d v d 's"), or on the code's last letter ("d v d's"). */
function pluralMarkAt(c: MatchContext, k: number): boolean {
  const w = c.words[k] ?? "";
  return (w === "s" && /^['\u2019]$/.test(c.punctBefore[k] ?? "")) || /^[a-z]['\u2019]s$/.test(w);
}

/** After a number and its currency ("zero dollars o"), as a second run sees the amount written ("$0 o"). */
function followsSpokenAmount(c: MatchContext, i: number): boolean {
  const currency = c.words[i - 1];
  return currency !== undefined && i >= 2 && c.runEnd[i - 1] === c.runEnd[i] && matchPhrase(c.t.currencies, c.words, i - 1, i) !== null &&
    followsNumber(c, i - 1);
}

/**
 * A serial or product code: spelled letters and numbers, at least one of
 * each ("x eighty six" -> "x86", "E s three" -> "Es3", "forty fifty t i" ->
 * "4050ti"). A phrase the whitelist knows ("p c i e") is left to it; a code
 * followed by more numbers is not a code ("b two hundred"), nor one right
 * after a number (its letter is a unit there: "0 m zero").
 */
function readCode(c: MatchContext, i: number, end: number): { text: string; end: number } | null {
  if (c.o.classes.has("whitelist") && matchPhrase(c.t.whitelist, c.words, i, end) !== null) return null;
  if (followsNumber(c, i)) return null;
  // "texas a and m eighteen": a letter joined by "and" to another is a name's ("A&M"), not a code's.
  // A letter after a number or an ordinal is its unit or label ("zero h and x zero": "0h and x0"), said or
  // written, as a second run reads it ("first a" / "1st a").
  if (i >= 2 && c.words[i - 1] === "and" && SINGLE_LETTER.test(c.words[i - 2]!) && c.runEnd[i - 2] === c.runEnd[i] &&
    !followsNumber(c, i - 2) && !followsSpokenAmount(c, i - 2) && !c.t.ordinals.has(c.words[i - 3] ?? "")) return null;
  let text = "";
  let letters = 0;
  let numbers = 0;
  let k = i;
  let last: "letter" | "digits" | null = null;
  // The last place the code could end before letters spelled on their own: digits then two lone letters
  // ("x zero | h g m t"). The fallback when a number follows the code.
  let beforeLetters: { text: string; end: number } | null = null;
  let yearAfter = false;
  while (k < end) {
    // "q one twenty twenty one", "f one twenty twenty": a year said in pairs after the code's digits is a
    // year; so is one right after a letter ("Sahal, d nineteen eighty one", "p m nineteen fifty"). Not one
    // starting or ending inside a token ("e-nineteen fifteen", "nineteen twelve-forty"): no class reads
    // that year, and a second run would see the code's number alone.
    if ((last === "letter" || (last === "digits" && letters > 0)) && yearOfWholeTokensAt(c, k, end)) {
      yearAfter = true;
      break;
    }
    // "forty four b c": letters after a number that spell its era are the era's, not a code's ("44 BC").
    if (last === "digits" && readEra(c, k, end) !== null) break;
    const item = codeItem(c, k, end, last);
    if (item === null) break;
    text += item.text;
    if (item.letter) letters++;
    else numbers++;
    last = item.letter ? "letter" : "digits";
    k = item.end;
    if (!item.letter && letters > 0 && SINGLE_LETTER.test(c.words[k] ?? "") && SINGLE_LETTER.test(c.words[k + 1] ?? "")) beforeLetters = { text, end: k };
  }
  if (letters === 0 || numbers === 0) return null;
  // "two d v d 's": a number word before letters made plural counts the thing they spell, and is no
  // code with it ("5mph", "3d" stay codes). The number is the one-word first item, every other a letter.
  if (numbers === 1 && letters >= 2 && c.t.numbers.has(c.words[i]!) && k === i + 1 + letters && pluralMarkAt(c, k)) return null;
  // Looked at across punctuation too: a second run sees "twelve-million" as "$12 million".
  // "x zero h g m t eighteen thousand": letters spelled before the number are a word of their own, as a
  // second run reads them once joined ("x0 HGMT 18,000"); the code ends before them.
  // A number word that opens an address ("-ninety dot com") is the address's label, as a second run reads "-ninety.com".
  // An ordinal opens no address ("21st dot first"), said ("twenty first") or written; a number of several
  // words ("ninety one dot") opens one as its written form ("91 dot") does.
  if (isNumberAt(c, k) && !yearAfter && (c.words[numberEnd(c, k)] !== "dot" || WRITTEN_ORDINAL.test(c.words[k]!))) return beforeLetters;
  // After a label that takes a letter ("vitamin b twelve", "row c four") the letters are the label's capitals.
  if (afterLabelIn(c, i, c.t.letterLabels)) return { text: text.toUpperCase(), end: k };
  // "one twenty three n main street": a house number, then the street's direction.
  if (letters === 1 && last === "letter" && streetDirectionAt(c, k - 1, end)) return { text: `${text.slice(0, -1)} ${text.slice(-1).toUpperCase()}`, end: k };
  return { text, end: k };
}

const COMPASS_LETTERS: ReadonlySet<string> = new Set(["n", "s", "e", "w"]);
/** Most words of a street's name between its direction and its type ("n martin luther king boulevard"). */
const MAX_STREET_NAME = 3;

/** The letter at words[k] is a compass point before a street's name and type: "n main street", "w mckinley avenue". */
function streetDirectionAt(c: MatchContext, k: number, end: number): boolean {
  if (!COMPASS_LETTERS.has(c.words[k]!) || k + 1 >= end || SINGLE_LETTER.test(c.words[k + 1]!)) return false;
  for (let j = k + 2; j <= k + 1 + MAX_STREET_NAME && j < end; j++) if (c.t.streetTypes.has(c.words[j]!)) return true;
  return false;
}

export const matchTelephone: ClassMatcher = (c, i, end) => {
  const address = c.words[i + 1] !== undefined ? readAddress(c, i, end) : null;
  if (address !== null) return { end: address.end, text: address.text, confidence: PHONE_CONFIDENCE };
  const code = readCode(c, i, end);
  const phone = readPhone(c, i, end);
  if (code !== null && (phone === null || code.end > phone.end)) return { end: code.end, text: code.text, confidence: DIGITS_CONFIDENCE };
  return phone;
};

const GROUP_JOINERS = new Set(["dash", "hyphen"]);

/**
 * Digit groups said with their dashes: "one two three dash four five dash six
 * seven eight nine" -> "123-45-6789", "five five five dash one two three dash
 * four five six seven" -> "555-123-4567", "five five five dash one two one two" -> "555-1212". Only the
 * shapes of an SSN-like id or a phone number: other dashed digits are left to be read as words.
 */
function readDashedGroups(c: MatchContext, first: { digits: string; end: number }, end: number): SpanMatch | null {
  const groups = [first.digits];
  let j = first.end;
  while (j + 1 < end && GROUP_JOINERS.has(c.words[j]!)) {
    const next = readDigitString(c.t, c.words, j + 1, end, 2);
    if (next === null) break;
    groups.push(next.digits);
    j = next.end;
  }
  const shape = groups.map((g) => g.length).join("-");
  if (shape !== "3-2-4" && shape !== "3-3-4" && shape !== "3-4") return null;
  if (j < end && isNumberAfter(c, c.words[j]!)) return null;
  return { end: j, text: groups.join("-"), confidence: PHONE_CONFIDENCE };
}

/** Area codes said as hundreds: toll-free "eight hundred", premium "nine hundred". */
const HUNDRED_AREA_CODES: ReadonlySet<string> = new Set(["eight", "nine"]);
const LOCAL_DIGITS = 7;

/**
 * "one eight hundred five five five one two one two" -> "1-800-555-1212": the area code said as a
 * hundred, then the seven digits of the number, and nothing more of a number after them.
 */
function readTollFree(c: MatchContext, i: number, end: number): SpanMatch | null {
  const trunk = c.words[i] === "one" ? 1 : 0;
  const k = i + trunk;
  if (k + 2 >= end || !HUNDRED_AREA_CODES.has(c.words[k]!) || c.words[k + 1] !== "hundred") return null;
  const local = readDigitString(c.t, c.words, k + 2, end, LOCAL_DIGITS);
  if (local === null || local.digits.length !== LOCAL_DIGITS) return null;
  const next = c.words[local.end];
  if (local.end < end && next !== undefined && (isNumberAfter(c, next) || digitOf(c.t, next) !== undefined)) return null;
  const digits = `${trunk === 1 ? "1" : ""}${digitOf(c.t, c.words[k]!)!}00${local.digits}`;
  return { end: local.end, text: layout(c, digits), confidence: PHONE_CONFIDENCE };
}

function readPhone(c: MatchContext, i: number, end: number): SpanMatch | null {
  let prefix = "";
  let j = i;
  if (c.words[i] === "plus") {
    const code = readCardinal(c.t, c.words, i + 1, end);
    if (code === null || code.value < 1n || code.value > 999n) return null;
    prefix = `+${code.value.toString()} `;
    j = code.end;
  }
  if (prefix === "") {
    const tollFree = readTollFree(c, j, end);
    if (tollFree !== null) return tollFree;
  }
  const letterZero = prefix === "" && c.words[j] === LETTER_ZERO && c.raw[j] === LETTER_ZERO;
  const digits = readDigitString(c.t, c.words, j, end, letterZero ? MIN_DIGITS_AFTER_LETTER_ZERO : MIN_DIGITS);
  if (digits === null) return null;
  if (prefix === "" && afterIsbnLabel(c, j)) return readIsbn(c, digits, end);
  const dashed = prefix === "" ? readDashedGroups(c, digits, end) : null;
  if (dashed !== null) return dashed;
  if (!letterZero && c.t.zeroDigits.has(c.words[j]!) && digits.digits.length < MIN_DIGITS_AFTER_OH) return null;
  if (prefix !== "" && digits.digits.length < 7) return null;
  // Every word must be a digit word: "one two three" but not "one two hundred",
  // nor "triple zero thirteen", whether or not the number after is still
  // spelled out (a second pass sees "triple zero 13").
  const next = c.words[digits.end];
  // An amount ITN wrote ("$10") starts a run of its own, but was a number said right after ("ten dollars").
  const nextInPhrase = digits.end < end || writtenAmountAt(c, digits.end);
  // "double" before a number ITN wrote ("double 04:50") repeated a digit of it when said ("double four fifty").
  const repeatsWritten = next !== undefined && REPEATS.has(next) && /^\d/.test(c.words[digits.end + 1] ?? "");
  if (nextInPhrase && next !== undefined && (isNumberAfter(c, next) || repeatsWritten)) return null;
  const phoneLike = digits.digits.length === 7 || digits.digits.length >= 10;
  return { end: digits.end, text: prefix + layout(c, digits.digits), confidence: phoneLike ? PHONE_CONFIDENCE : DIGITS_CONFIDENCE };
}
