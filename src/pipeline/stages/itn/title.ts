// title: a title said before a name, written abbreviated — "mister smith" ->
// "Mr. smith", "doctor Patel" -> "Dr. Patel" (the casing stage capitalises the
// name). Only before a name: "the doctor said" and "mister and missus" stay
// words. The table (titles.tsv) says, per title, what must follow it.
import { startsUpper, type ClassMatcher } from "./span.js";

const CONFIDENCE = 0.8;

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
  if (!/^\p{L}/u.test(next) || NOT_NAMES.has(next)) return null;
  if (title.before === "name" && !startsUpper(c.raw[k]!) && !c.names.names.has(next)) return null;
  return { end: k, text: title.written, confidence: CONFIDENCE };
};
