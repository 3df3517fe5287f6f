// letters: a word spelled out letter by letter — "u k" -> "UK", "p d f" ->
// "PDF", "i s b n" -> "ISBN". Lower-case single letters in a row (as ASR
// writes them) are one word said in letters; capitals ("A H Bullen") are
// initials the transcriber already wrote and are left alone.
import { followsNumber, type ClassMatcher, type MatchContext } from "./span.js";

const CONFIDENCE = 0.7;
const LOWER_LETTER = /^[a-z]$/;
const SINGLE_LETTER = /^\p{L}$/u;
/** "a" and "i" are words too ("get a b", "i e"): they open a spelled word only of three letters or more ("a b c", "i s b n"). */
const ALSO_WORDS = new Set(["a", "i"]);
/** Words said inside an address: letters next to them belong to it ("w w w dot"), and are left to electronic. */
const ADDRESS_WORDS = new Set(["dot", "at", "colon", "slash", "underscore", "dash", "hyphen"]);

/** words[k] and words[k + 1] are in one run (no punctuation between). */
function joined(c: MatchContext, k: number): boolean {
  return k >= 0 && k + 1 < c.words.length && c.runEnd[k] === c.runEnd[k + 1];
}

export const matchLetters: ClassMatcher = (c, i, end) => {
  if (!LOWER_LETTER.test(c.raw[i]!)) return null;
  // A spelled word starts at its first letter, of any case ("G m t" is not
  // "G MT"); right after a number a letter is a unit or a suffix ("9 p m").
  if (joined(c, i - 1) && (followsNumber(c, i) || ADDRESS_WORDS.has(c.words[i - 1]!) || SINGLE_LETTER.test(c.raw[i - 1]!))) return null;
  let j = i + 1;
  while (j < end && LOWER_LETTER.test(c.raw[j]!)) j++;
  // "o" before a number is a zero: "j h e p o o o eight" spells "JHEP" then "0008".
  // Spoken or written: a second run sees "x-o 07" where the first saw "x-o o seven".
  while (j > i && c.words[j - 1] === "o" && j < end && (c.t.numbers.has(c.words[j]!) || c.t.zeroDigits.has(c.words[j]!) || /^\d/.test(c.words[j]!))) j--;
  const count = j - i;
  if (count < 2 || (count < 3 && ALSO_WORDS.has(c.words[i]!))) return null;
  if (j < end && ADDRESS_WORDS.has(c.words[j]!)) return null;
  return { end: j, text: c.words.slice(i, j).join("").toUpperCase(), confidence: CONFIDENCE };
};
