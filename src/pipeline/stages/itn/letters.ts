// letters: a word spelled out letter by letter — "u k" -> "UK", "p d f" ->
// "PDF", "i s b n" -> "ISBN". Lower-case single letters in a row (as ASR
// writes them) are one word said in letters; capitals ("A H Bullen") are
// initials the transcriber already wrote and are left alone.
//
// Beside a capitalised name the letters are a person's initials, written
// with periods: "Robert l Wilson" -> "Robert L. Wilson", "Lamb, h (1994)" ->
// "Lamb, H. (1994)", "Abbott, r t and Morris" -> "Abbott, R.T. and Morris".
// In GoogleTN's Wikipedia text a lone letter beside a capitalised word is
// written that way about nine times in ten; "a" and "i" are words, "o" a
// zero, a letter before a number a label ("p 323", "p. 37"), and "v" between two
// names is "versus". A name is one the casing tables know, in any case
// ("robert l wilson" -> "robert L. wilson", capitalised by casing later), or a
// capital no later stage writes (see nameAt); after "Surname," a citation's
// shape is evidence enough (see citationAuthor).
import type { CasingTables } from "../casing/tables.js";
import { readYear } from "./date.js";
import { REPEATS, SINGLE_LETTER } from "./numbers.js";
import { matchPhrase } from "./tables.js";
import { afterLabelIn, followsNumber, lastLabel, writtenAmountAt, type ClassMatcher, type MatchContext, type SpanMatch } from "./span.js";

const CONFIDENCE = 0.7;
const LOWER_LETTER = /^[a-z]$/;
/** "a" and "i" are words too ("get a b", "i e"): they open a spelled word only of three letters or more ("a b c", "i s b n"). */
const ALSO_WORDS = new Set(["a", "i"]);
/** Words said inside an address: letters next to them belong to it ("w w w dot"), and are left to electronic. */
const ADDRESS_WORDS = new Set(["dot", "at", "colon", "slash", "underscore", "dash", "hyphen"]);

/** words[k] and words[k + 1] are in one run (no punctuation between). */
function joined(c: MatchContext, k: number): boolean {
  return k >= 0 && k + 1 < c.words.length && c.runEnd[k] === c.runEnd[k + 1];
}

/** Spelled letters right after a number are a unit or a suffix ("9 p m", "100 m p h"), unless there are this many. */
const MIN_WORD_AFTER_NUMBER = 4;
/** Lone letters that are words or numbers far more often than initials. */
const NOT_INITIALS = new Set(["a", "i", "o"]);
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** A word ITN joined from letters and an address or digits: "mt.0", "mt0". */
const JOINED_ADDRESS = /^\p{Ll}+[.\d]/u;

/** The casing stage's words: names (known in any case), and the titles and place words it capitalises beside one. */
export interface NameWords {
  readonly names: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  readonly placeHeads: ReadonlySet<string>;
}

const NO_NAME_WORDS: NameWords = { names: new Set(), titles: new Set(), placeHeads: new Set() };
const nameWordsCache = new WeakMap<CasingTables, NameWords>();

export function nameWordsOf(tables: CasingTables | undefined): NameWords {
  if (tables === undefined) return NO_NAME_WORDS;
  let words = nameWordsCache.get(tables);
  if (words === undefined) {
    const names = new Set<string>();
    for (const phrase of tables.names.keys()) for (const w of phrase.split(" ")) names.add(w);
    words = { names, titles: new Set(tables.titles.keys()), placeHeads: new Set(tables.placeHeads.keys()) };
    nameWordsCache.set(tables, words);
  }
  return words;
}

/**
 * words[k] is a name: one the casing tables know (in any case), or a capital
 * the casing stage would not have written — not a sentence start, a title or
 * a place word, nor a word after a title or before a place word ("Captain
 * Nemo", "Campbell Island"). A capital casing wrote must not
 * count, or a second pass over lipi's own output would find initials the
 * first did not ("zero; s" -> "Zero; s" -> "Zero; S."); nor may one ITN writes.
 */
function nameAt(c: MatchContext, k: number): boolean {
  if (k < 0 || k >= c.raw.length) return false;
  const word = c.words[k]!;
  // ITN writes a month with its capital ("May 1912"), and the casing tables list months with the names:
  // a month is no name, or "3 a.m. m January" would read an initial a first run's "three a m m january" did not.
  if (c.t.months.has(word)) return false;
  if (c.names.names.has(word)) return true;
  // A word with a digit in it is a code ITN wrote ("Gmt0"), not a name.
  if (!CAPITALISED.test(c.raw[k]!) || /\d/.test(word) || opensSentence(c, k) || c.names.titles.has(word) || c.names.placeHeads.has(word)) return false;
  // ITN writes capitals too: a unit after a figure ("5 Hz").
  if (k > 0 && /\d/.test(c.words[k - 1]!)) return false;
  const afterTitle = k > 0 && c.punctBefore[k] === "" && c.names.titles.has(c.words[k - 1]!);
  const beforePlaceWord = k + 1 < c.words.length && c.punctBefore[k + 1] === "" && c.names.placeHeads.has(c.words[k + 1]!);
  return !afterTitle && !beforePlaceWord;
}

/** Words that open a clause before a comma: never a surname ("well, m (" is no citation). */
const NOT_SURNAMES = new Set(["and", "but", "or", "so", "then", "well", "yes", "no", "now", "also", "okay", "oh", "see", "ed", "eds", "p", "pp"]);
const SURNAME = /^\p{L}[\p{L}'-]+$/u;
/** A figure as written, or as ITN writes an amount ("£0", "-3"). */
const WRITTEN_FIGURE = /^\p{Sc}?-?\d/u;
const WRITTEN_YEAR = /^(?:1\d|20)\d\d$/;

/** The end of a year at words[k], said ("nineteen ninety four") or written ("1994"); -1 if none. */
function yearEnd(c: MatchContext, k: number): number {
  if (k >= c.words.length) return -1;
  if (WRITTEN_YEAR.test(c.words[k]!)) return k + 1;
  return readYear(c, k, c.runEnd[k]!)?.end ?? -1;
}

/**
 * The letters at [i, j) end a citation's author, "Surname, x", by what follows:
 * a year or date in brackets ("Lamb, h (1994)", "Hoberman, j (October 16, 2001)"),
 * a year and a pause ("Mills, g 2007:"), the next author ("Benissad, f; Gadelle, p",
 * "Rudel, t k, r Defries", "Wulf, w a, Shaw, m") or an editor's mark ("Allaby, m, ed."). The shape is the evidence, in any case:
 * a sentence's first word is a surname here whether the writer or the casing
 * stage capitalised it, so a second run over lipi's output reads it the same.
 */
function citationAuthor(c: MatchContext, i: number, j: number): boolean {
  const surname = c.words[i - 1];
  if (c.punctBefore[i] !== "," || surname === undefined || !SURNAME.test(surname) || NOT_SURNAMES.has(surname) || j >= c.words.length) return false;
  // A number word is no surname, though casing capitalises one opening a sentence ("Zero, a, o?" was "zero, a, o?").
  if (c.t.numbers.has(surname)) return false;
  // Letters ITN joined ("g m t" -> "GMT") are no surname, as the spelled letters were none on a first run.
  if (/^\p{Lu}+$/u.test(c.raw[i - 1]!)) return false;
  const gap = c.punctBefore[j]!;
  if (gap.startsWith("(")) return yearEnd(c, j) > 0 || c.t.months.has(c.words[j]!);
  if (gap === "") {
    const end = yearEnd(c, j);
    // A pause, not a sign: "Quarter, g 1995 -1" is no citation, as "1995 minus one" was none.
    return end > 0 && (end === c.words.length || /^[,.;:)]/.test(c.punctBefore[end]!));
  }
  if (gap === ";") return j + 1 < c.words.length && c.punctBefore[j + 1] === "," && SINGLE_LETTER.test(c.raw[j + 1]!);
  if (gap !== ",") return false;
  if (c.words[j] === "ed" || c.words[j] === "eds") return true;
  // The list of authors goes on: a letter and a name, or a name and its comma.
  // A month is no name, though casing capitalises it ("zero, m, January," was "zero, m, january,").
  return j + 1 < c.words.length && ((SINGLE_LETTER.test(c.raw[j]!) && CAPITALISED.test(c.raw[j + 1]!)) ||
    (CAPITALISED.test(c.raw[j]!) && !c.t.months.has(c.words[j]!) && c.punctBefore[j + 1] === ","));
}

/** "g and g Foods", "Texas a and m": letters joined by "and" are one name ("A&M"), not initials. */
function besideAnd(c: MatchContext, i: number, j: number): boolean {
  // Spelled letters, or the acronym ITN wrote of them ("t and GMT" as "t and g m t").
  const letterAt = (k: number) => k >= 0 && k < c.words.length && (SINGLE_LETTER.test(c.raw[k]!) || /^\p{Lu}{2,}$/u.test(c.raw[k]!));
  return (c.words[j] === "and" && joined(c, j - 1) && joined(c, j) && letterAt(j + 1)) ||
    (c.words[i - 1] === "and" && joined(c, i - 2) && joined(c, i - 1) && letterAt(i - 2));
}

/** Words[k] begins a sentence: the segment's first word or one after a full stop. */
function opensSentence(c: MatchContext, k: number): boolean {
  return k === 0 || /[.?!]$/.test(c.punctBefore[k]!);
}

/**
 * Initials at words[i, j): one letter before a capitalised name ("Robert l Wilson") or
 * between a name and a pause ("Jeremy a (2003)"), or one or two letters after
 * "Surname," ("Lamb, h", "Abbott, r t"). Two letters before a name are initials as
 * often as an acronym in GoogleTN ("j k Rowling" / "f c Hansa"): they stay the
 * letters class's ("FC"). Two letters naming a place are no initials ("London, u k").
 */
function initialsAt(c: MatchContext, i: number, j: number): SpanMatch | null {
  const count = j - i;
  const first = c.words[i]!;
  const letters = c.words.slice(i, j).join("");
  const citation = citationAuthor(c, i, j);
  // Three letters are an acronym ("MAC") but for a citation's author ("Roeleveld, m a c (2002)").
  if (count > (citation ? 3 : 2) || besideAnd(c, i, j) || (count === 2 && c.t.placeCodes.has(letters))) return null;
  // "pp" is pages; a letter before a figure is a label ("p 323", "p. 37", "x $5", "x -6", "p point 2"), but for a citation's year.
  const next = c.words[j];
  const beforeFigure = (joined(c, j - 1) || /^[.\p{Sc}-]/u.test(c.punctBefore[j]!)) && next !== undefined && (WRITTEN_FIGURE.test(next) || c.t.numbers.has(next) || next === "point");
  if (letters === "pp" || (beforeFigure && !citation)) return null;
  // Letters before an address or code a first run joined ("g mt.0" of "g m t dot zero") were spelled with it.
  if (next !== undefined && joined(c, j - 1) && JOINED_ADDRESS.test(next)) return null;
  const gap = c.punctBefore[i]!;
  const afterSurname = ((gap === "," || gap === ";") && nameAt(c, i - 1)) || citation;
  const nameBefore = joined(c, i - 1) && nameAt(c, i - 1);
  const nameAfter = joined(c, j - 1) && nameAt(c, j);
  const pauseAfter = j === c.words.length || c.punctBefore[j] !== "";
  // "a" and "i" are words, "o" a zero: an initial only between a name and a pause inside
  // the sentence ("Jeremy a (2003)", "David a ;"), never at its end ("in January a.").
  if (NOT_INITIALS.has(first)) {
    const innerPause = j < c.words.length && /^[,;:(]/.test(c.punctBefore[j]!);
    if (count > 1 || first === "o" || !(nameBefore || afterSurname) || !innerPause) return null;
  } else if (!(afterSurname || (count === 1 && (nameAfter || (nameBefore && pauseAfter && first !== "s"))))) {
    return null;
  }
  // "Great Britain v Chile", "Commission v Italy": versus, between a name and any capitalised word.
  if (first === "v" && nameAfter && joined(c, i - 1) && (nameBefore || CAPITALISED.test(c.raw[i - 1]!))) return null;
  // A sentence's full stop after the last initial is its period too: "Washington, D.C." not "D.C..".
  const closes = c.punctBefore[j]!.startsWith(".");
  return { end: j, text: letters.toUpperCase().split("").join(".") + (closes ? "" : "."), confidence: CONFIDENCE };
}

/**
 * "i i i think", "a a a few", "d s s s s": a letter said three times running is a stutter, not part of a
 * word in letters ("w w w" is the web's; "p p" stays pages).
 */
function stutteredLetters(words: readonly string[], i: number, j: number): boolean {
  let run = 1;
  for (let k = i + 1; k < j; k++) {
    run = words[k] === words[k - 1] ? run + 1 : 1;
    if (run >= 3 && words[k] !== "w") return true;
  }
  return false;
}

/**
 * "r and d" -> "R&D", "Q and A" -> "Q&A": letters joined by "and" that the letter-pair table writes as one
 * word. Small letters before a capitalised name are its initials ("Froese, r and d Pauly").
 */
function letterPairAt(c: MatchContext, i: number, end: number): SpanMatch | null {
  if (!SINGLE_LETTER.test(c.raw[i]!)) return null;
  const pair = matchPhrase(c.t.letterPairs, c.words, i, end);
  if (pair === null) return null;
  for (let k = i; k + 1 < pair.end; k++) if (!joined(c, k)) return null;
  const next = c.raw[pair.end];
  if (LOWER_LETTER.test(c.raw[i]!) && next !== undefined && joined(c, pair.end - 1) && CAPITALISED.test(next)) return null;
  return { end: pair.end, text: pair.value, confidence: CONFIDENCE };
}

export const matchLetters: ClassMatcher = (c, i, end) => {
  const pair = letterPairAt(c, i, end);
  if (pair !== null) return pair;
  if (!LOWER_LETTER.test(c.raw[i]!)) return null;
  // "3 /h x": a unit per unit after a figure, as the measure class writes it; never a spelled word.
  if (c.punctBefore[i] === "/" && followsNumber(c, i)) return null;
  // "triple o-h": digits repeated, read by the telephone class once "o h" is "OH" or "oh"; also after an
  // address ITN wrote ("0.double x": the last label is the word before).
  if (joined(c, i - 1) && REPEATS.has(lastLabel(c.words[i - 1]!))) return null;
  let j = i + 1;
  while (j < end && LOWER_LETTER.test(c.raw[j]!)) j++;
  // "the first Black f- podcast", "Well w- my": a word broken off after its first letter.
  if (j === i + 1 && c.punctBefore[j] === "-") return null;
  // "vitamin d" -> "vitamin D", "plan b" -> "plan B": a lone letter after a label word is the label's.
  if (j === i + 1 && afterLabelIn(c, i, c.t.letterLabels) && !NOT_INITIALS.has(c.words[i]!)) {
    return { end: j, text: c.raw[i]!.toUpperCase(), confidence: CONFIDENCE };
  }
  // Initials start where the letters do ("at c s m Resita" is one word in letters, not "c s M."); a
  // letter after an apostrophe is a clipped word ("Rock ' n Roll", "'n'"), never an initial.
  const clipped = /['\u2019]$/.test(c.punctBefore[i]!);
  if (!clipped && (!joined(c, i - 1) || !(followsNumber(c, i) || SINGLE_LETTER.test(c.raw[i - 1]!)))) {
    const initials = initialsAt(c, i, j);
    if (initials !== null) return initials;
  }
  // A spelled word starts at its first letter, of any case ("G m t" is not
  // "G MT"); right after a number a letter is a unit or a suffix ("9 p m"), but
  // four letters or more are a word of their own ("… two one o c l c" is "21 OCLC").
  const afterNumber = followsNumber(c, i) && j - i < MIN_WORD_AFTER_NUMBER;
  if (joined(c, i - 1) && (afterNumber || ADDRESS_WORDS.has(c.words[i - 1]!) || SINGLE_LETTER.test(c.raw[i - 1]!))) return null;
  // "o" before a number is a zero: "j h e p o o o eight" spells "JHEP" then "0008".
  // Spoken or written: a second run sees "x-o 07" where the first saw "x-o o seven".
  // An amount ITN wrote starts a run of its own ("s-o $0", as "s-o zero-dollars" was said).
  while (j > i && c.words[j - 1] === "o" && ((j < end && (c.t.numbers.has(c.words[j]!) || c.t.zeroDigits.has(c.words[j]!) || /^\d/.test(c.words[j]!))) ||
    (j === end && writtenAmountAt(c, j) && /^\d/.test(c.words[j] ?? "")))) j--;
  const count = j - i;
  if (count < 2 || (count < 3 && ALSO_WORDS.has(c.words[i]!))) return null;
  if (stutteredLetters(c.words, i, j)) return null;
  // Letters before an address word are part of the address, whatever case the last ones came in (the
  // casing stage writes a lone "i" as "I": "g m t I hyphen" is "g m t i hyphen").
  let k = j;
  while (k < end && SINGLE_LETTER.test(c.raw[k]!)) k++;
  if (k < end && ADDRESS_WORDS.has(c.words[k]!)) return null;
  return { end: j, text: c.words.slice(i, j).join("").toUpperCase(), confidence: CONFIDENCE };
};
