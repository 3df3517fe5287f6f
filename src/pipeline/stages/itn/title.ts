// title: a title said before a name, written abbreviated — "mister smith" ->
// "Mr. smith", "doctor Patel" -> "Dr. Patel" (the casing stage capitalises the
// name). Only before a name: "the doctor said" and "mister and missus" stay
// words. The table (titles.tsv) says, per title, what must follow it.
import { startsUpper, type ClassMatcher, type MatchContext } from "./span.js";

const CONFIDENCE = 0.8;
const CAPITALISED_NAME = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)*(?:['\u2019-]\p{L}+)*$/u;
const LOWER_WORD = /^\p{Ll}{2,}(?:['\u2019-]\p{L}+)*$/u;

/** Words other classes read: numbers, months, "half". */
function numberLike(c: MatchContext, w: string): boolean {
  return c.t.numbers.has(w) || c.t.ordinals.has(w) || c.t.scales.has(w) || c.t.zeroDigits.has(w) || c.t.months.has(w) || FRACTION_WORDS.has(w);
}
const FRACTION_WORDS: ReadonlySet<string> = new Set(["half", "quarter", "dozen"]);

/** Words that follow a title said as a word, never a name: "mister and missus", "doctor who". */
const NOT_NAMES: ReadonlySet<string> = new Set([
  "and", "or", "but", "nor", "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "from", "by", "about", "is", "was", "are",
  "were", "be", "been", "has", "had", "have", "will", "would", "can", "could", "said", "says", "who", "what", "which", "that", "this",
  "it", "he", "she", "they", "we", "you", "i", "me", "him", "her", "them", "us", "no", "not", "yes", "please", "so",
]);

export const matchTitle: ClassMatcher = (c, i, end) => {
  const title = c.t.titles.get(c.words[i]!);
  const k = i + 1;
  if (title === undefined || k >= end || c.punctBefore[k] !== "") return null;
  const next = c.words[k]!;
  // "mister and missus hill": the name the second title takes is the first's too.
  if (next === "and" && k + 1 < end && c.punctBefore[k + 1] === "" && c.t.titles.has(c.words[k + 1]!)) return { end: k, text: title.written, confidence: CONFIDENCE };
  // A name is a word of two letters or more, in lower case or capitalised as names are ("Lakeland"): not a
  // spelled letter, a number or a month, nor a code in capitals ("GMT", "H0"), words another class writes,
  // nor a title said or written ("mister mister", "Mister Mr.").
  const raw = c.raw[k]!;
  if (!(LOWER_WORD.test(raw) || CAPITALISED_NAME.test(raw)) || NOT_NAMES.has(next) || numberLike(c, next) || c.t.titleForms.has(next)) return null;
  // A capital counts after a title said in lower case: casing capitalises a title and an unknown word after it
  // together ("Doctor Com"), and a second run must read that as the first read "doctor com".
  if (title.before === "name" && !c.names.names.has(next) && !(CAPITALISED_NAME.test(raw) && !startsUpper(c.raw[i]!))) return null;
  return { end: k, text: title.written, confidence: CONFIDENCE };
};
