// Rule `discourse_filler`, the word "like" (see like.ts): the shapes in which "like" compares and
// stays — a fronted comparison ("Like other moles, …"), a present verb's ("it scans like a verse"), "as"
// with what was said ("like I said"), an object compared ("treat me like a child"), what a comma just
// named ("tired, like a dog"), a noun its determiner opened ("a body like"), a name given as an example.
import { HEDGE_OPENERS, wordAt } from "./filler-span.js";
import { INTENSIFIERS, INTERJECTIONS } from "./like-governors.js";
import { ARTICLES, FUNCTION_WORDS, isContentWord, isNumeric, NOUN_DETERMINERS, PERSONAL_OBJECTS, SUBJECT_PRONOUNS, type WordView } from "./words.js";

/** Quantities and possessives that open the noun phrase a fronted comparison names: "Like other moles, ...". */
const COMPARED_OPENERS: ReadonlySet<string> = new Set(["other", "many", "most", "all", "his", "her", "their", "its", "our", "your", "my"]);

/**
 * "Like other moles, this animal digs", "Like his predecessor, he was": a sentence opened by "like" and a
 * noun phrase set off by a comma compares its subject; "Like, I went" and "Like the other day we" fill.
 */
export function comparingPhrase(words: readonly WordView[], i: number): boolean {
  if (!(i === 0 || words[i - 1]!.endsSentence) || words[i]!.trail.length > 0) return false;
  const next = words[i + 1];
  if (next === undefined || !COMPARED_OPENERS.has(next.core)) return false;
  for (let k = i + 1; k <= i + 4 && k < words.length; k++) {
    const w = words[k]!;
    if (w.trail === ",") return k > i + 1;
    if (w.trail.length > 0) return false;
  }
  return false;
}

const SINGULAR_SUBJECTS: ReadonlySet<string> = new Set(["he", "she", "it", "this", "that", "who", "which"]);
const NOT_PRESENT_VERBS: ReadonlySet<string> = new Set(["is", "was", "has", "does", "says", "goes", "'s"]);

/** words[k] is a present verb in -s after its third-person subject: "it scans", "she sings". */
export function presentVerbAfterSubject(words: readonly WordView[], k: number): boolean {
  const verb = words[k]!;
  const subject = wordAt(words, k - 1);
  return subject !== undefined && subject.trail.length === 0 && SINGULAR_SUBJECTS.has(subject.core) && /^[a-z]{3,}s$/.test(verb.core) &&
    !verb.core.endsWith("ss") && !NOT_PRESENT_VERBS.has(verb.core);
}

/** Verbs of saying after which "like X said" is "as X said". */
export const SAID: ReadonlySet<string> = new Set(["said", "say", "says", "mentioned", "talked", "discussed", "explained", "put", "told"]);

/** "like I said", "like we just talked about", "Like Micah said": "like" is "as", with what was said. */
export function likeSaid(words: readonly WordView[], i: number): boolean {
  const who = wordAt(words, i + 1);
  if (who === undefined || who.trail.length > 0 || !(SUBJECT_PRONOUNS.has(who.core) || (who.capitalised && !FUNCTION_WORDS.has(who.core)))) return false;
  let k = i + 2;
  if (wordAt(words, k)?.core === "just" || wordAt(words, k)?.core === "already") k++;
  const verb = wordAt(words, k);
  return verb !== undefined && SAID.has(verb.core);
}

/** Object pronouns: "treat me like I'm a child", "looked at her like she was mad" compare with a clause. */
export const OBJECTS: ReadonlySet<string> = new Set([...PERSONAL_OBJECTS, "it"]);
/** Nouns of amount and of time: after "like a" one is approximated ("gave me like a hundred", "told us like a million times"). */
const AMOUNTS: ReadonlySet<string> = new Set([
  "hundred", "thousand", "million", "billion", "dozen", "couple", "few", "lot", "bunch", "half", "quarter", "third", "minute", "second",
  "hour", "day", "week", "month", "year", "mile",
]);

/**
 * "treat me like a child and", "hit him like a ton of bricks": after an object pronoun, "like" and an
 * article with one noun, the phrase closed there, compare the person with something. Before an amount it
 * approximates ("gave me like a hundred dollars"); a longer phrase or a clause is as often hedged ("paying
 * her like an hourly rate", "all of him like the jews hate").
 */
export function comparesObject(words: readonly WordView[], i: number): boolean {
  const prev = wordAt(words, i - 1);
  const article = wordAt(words, i + 1);
  const noun = wordAt(words, i + 2);
  const after = wordAt(words, i + 3);
  if (prev === undefined || article === undefined || noun === undefined || prev.trail !== "" || words[i]!.trail !== "" || article.trail !== "") return false;
  if (!OBJECTS.has(prev.core) || !ARTICLES.has(article.core) || AMOUNTS.has(noun.core) || isNumeric(noun.core) || !isContentWord(noun.core)) return false;
  return noun.trail !== "" || after === undefined || FUNCTION_WORDS.has(after.core);
}

/** Verbs of thinking and saying a comma after which leaves "like" a hedge ("I think, like the opposite", "I mean, like the other week"). */
const HEDGED_THOUGHTS: ReadonlySet<string> = new Set(["think", "mean", "guess", "know", "say", "said", "feel", "suppose"]);

/**
 * "captains of industry, like the gold finders of 1849", "tired, like a dog", "the mind, like a monkey":
 * after a comma that closes a content word, "like" and an article compare what was just named. After a
 * function word, an interjection or a verb of thinking ("so, like the wise", "No, like the adrenaline
 * thing", "I think, like the opposite") it hedges.
 */
export function comparesWhatWasNamed(words: readonly WordView[], i: number): boolean {
  const prev = words[i - 1];
  const next = words[i + 1];
  if (prev === undefined || next === undefined || prev.trail !== "," || words[i]!.trail !== "" || !ARTICLES.has(next.core)) return false;
  // "our mother, like a lot of stories": an amount approximated; "also, like the thing": an adverb names nothing.
  if (words[i + 2]?.core === "lot" || prev.core === "also" || INTENSIFIERS.has(prev.core)) return false;
  return isContentWord(prev.core) && !HEDGE_OPENERS.has(prev.core) && !INTERJECTIONS.has(prev.core) && !HEDGED_THOUGHTS.has(prev.core);
}

/** words[k] is a name, not a quote's first word: a capital on a word that is no closed-class word or interjection. */
export function namesExample(words: readonly WordView[], k: number): boolean {
  const w = words[k]!;
  return w.capitalised && w.core !== "i" && !FUNCTION_WORDS.has(w.core) && !INTERJECTIONS.has(w.core) && !w.core.includes("'");
}

/** words[k] ends its phrase at a pause: "like his brother, James", "like my father." */
export function pausedAfter(words: readonly WordView[], k: number): boolean {
  const w = words[k];
  return w !== undefined && (w.trail === "," || w.trail === ";" || w.endsSentence);
}

/**
 * words[i - 1] is a noun its determiner opened, maybe after one modifier, with no pause between: "a body
 * like", "the man like", "a natural disaster like".
 */
export function afterNounPhrase(words: readonly WordView[], i: number): boolean {
  const phraseWord = (w: WordView | undefined) => w !== undefined && w.trail.length === 0 && isContentWord(w.core) && !INTENSIFIERS.has(w.core) && !isNumeric(w.core);
  if (!phraseWord(words[i - 1])) return false;
  const det = (w: WordView | undefined) => w !== undefined && w.trail.length === 0 && NOUN_DETERMINERS.has(w.core);
  return det(wordAt(words, i - 2)) || (phraseWord(wordAt(words, i - 2)) && det(wordAt(words, i - 3)));
}

/** words[k] is a possessive noun ending its phrase: "your dad's.", "my mom's," */
export function ownedEnds(words: readonly WordView[], k: number): boolean {
  const w = words[k];
  return w !== undefined && w.core.endsWith("'s") && (w.trail.length > 0 || k + 1 === words.length);
}
