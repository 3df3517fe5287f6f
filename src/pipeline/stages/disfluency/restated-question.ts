// A question asked again in part (rule `self_repair`, see repairs.ts):
// - with a pronoun for the subject the first try named:
//   "Where does the Lek separate no sorry where does it join?" -> "Where does the Lek join?"
//   Dropping the whole first try would leave "it" pointing at nothing, so the
//   named subject stays and the words from its verb to the pronoun go instead;
// - with "how many" and no noun: "How many Huguenots were killed in France no sorry how many were
//   killed in Orleans?" -> "How many Huguenots were killed in Orleans?" (keepCountedNoun);
// - with a new noun or a new verb for the opening wh-word and no wh-word said again:
//   "What are two types of cells, no er percentage of leukocytes do …" -> "What percentage of leukocytes do …",
//   "Who was the Anglo-Norman no made fun of …" -> "Who made fun of …".
import type { Removal } from "./apply.js";
import { ARTICLES, BE_FORMS, countsAt, FINITE_BE, FUNCTION_WORDS, HAVE_FORMS, IRREGULAR_PARTICIPLES, isContentWord, isPastForm, QUESTION_OPENERS, type WordView } from "./words.js";

const SUBJECT_PRONOUNS_3RD: ReadonlySet<string> = new Set(["it", "they", "he", "she"]);
const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"]);
const INNER_JOINERS: ReadonlySet<string> = new Set(["and", "of"]);
/** Most words a subject kept this way may have when its end is inferred, not matched. */
const MAX_SUBJECT = 5;

/** The subject is a noun phrase: a determiner at most at its start, then no closed-class word. */
function isNounPhrase(words: readonly WordView[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > MAX_SUBJECT) return false;
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    if (w.trail.length > 0) return false;
    if (k === from && DETERMINERS.has(w.core)) continue;
    // "the transport and storage", "the Colony of Victoria": joined nouns are one subject.
    if (k > from && k < to - 1 && INNER_JOINERS.has(w.core)) continue;
    if (FUNCTION_WORDS.has(w.core) || BE_FORMS.has(w.core) || SUBJECT_PRONOUNS_3RD.has(w.core)) return false;
  }
  return !(to - from === 1 && DETERMINERS.has(words[from]!.core));
}

/**
 * For the restarted question [question, a) cue [a, b) repair [b, ...): when the
 * repair repeats the question's wh-phrase and auxiliary and then says a
 * third-person pronoun, the removal that keeps the first try's subject; else null.
 * The subject ends where the repair's verb recurs ("is Turing machine M said to
 * operate ... is it said not to"), or before the first try's last word, its verb.
 */
export function keepRestatedSubject(words: readonly WordView[], question: number, a: number, b: number, confidence: number): Removal | null {
  let shared = 0;
  while (question + shared < a && b + shared < words.length && words[question + shared]!.core === words[b + shared]!.core &&
    words[question + shared]!.trail.length === 0) shared++;
  const aux = words[question + shared - 1];
  if (shared < 2 || aux === undefined || !(QUESTION_OPENERS.has(aux.core) || BE_FORMS.has(aux.core))) return null;
  const pronoun = b + shared;
  const verb = words[pronoun + 1];
  if (verb === undefined || !SUBJECT_PRONOUNS_3RD.has(words[pronoun]!.core) || words[pronoun]!.trail.length > 0) return null;
  const from = question + shared;
  let subjectEnd = -1;
  for (let k = from + 1; k < a; k++) {
    if (words[k]!.core === verb.core) { subjectEnd = k; break; }
  }
  if (subjectEnd < 0) {
    const last = words[a - 1]!;
    if (a - from < 2 || last.capitalised || FUNCTION_WORDS.has(last.core) || BE_FORMS.has(last.core)) return null;
    subjectEnd = a - 1;
  }
  if (!isNounPhrase(words, from, subjectEnd)) return null;
  return { start: subjectEnd, end: pronoun + 1, rule: "self_repair", confidence };
}

/** Wh-words that take a noun: "what city", "which one", "how many years". */
const WH_DETERMINERS: ReadonlySet<string> = new Set(["what", "which", "whose"]);
/** Most words of the noun phrase a repair puts after the wh-word. */
const MAX_NEW_NOUN = 4;

/** Where the noun of a wh-phrase opening the sentence goes: after "what"/"which"/"whose" or "how many"/"how much"; -1 if none. */
function afterWhDeterminer(words: readonly WordView[], start: number): number {
  const w = words[start]!;
  if (w.trail !== "") return -1;
  if (WH_DETERMINERS.has(w.core)) return start + 1;
  return countsAt(words, start) && words[start + 1]!.trail === "" ? start + 2 : -1;
}

/** A finite auxiliary: "being" or "been" go on a verb phrase, not a question. */
function isAuxiliaryWord(w: WordView): boolean {
  return QUESTION_OPENERS.has(w.core) || FINITE_BE.has(w.core);
}

/**
 * "What are two types of phagocytes, no er percentage of leukocytes do neutrophils represent?", "How
 * many years is a term … no representatives does each electorate have?": after an explicit cue a noun
 * phrase and an auxiliary ask the opening wh-word's question again with a new noun. The first try had
 * gone past its wh-phrase (an auxiliary or a pause in it), so all of it after the wh-word goes. Left
 * to the one-word repair: a noun corrected inside the wh-phrase ("what type of health no treatment
 * are"), or after its determiner ("work that a governor no centrifugal governor-equipped steam engine
 * was"), and one whose auxiliary is the first try's going on ("What do some species of larvae no wait
 * rotifers do").
 */
export function askedWithNewNoun(words: readonly WordView[], sentenceStart: number, a: number, b: number): Removal | null {
  const from = afterWhDeterminer(words, sentenceStart);
  if (from < 0 || from >= a || DETERMINERS.has(words[a - 2]?.core ?? "")) return null;
  let wentOn = false;
  const firstAuxiliaries = new Set<string>();
  for (let k = from; k < a; k++) {
    if (isAuxiliaryWord(words[k]!)) firstAuxiliaries.add(words[k]!.core);
    wentOn ||= isAuxiliaryWord(words[k]!) || (k < a - 1 && words[k]!.trail !== "");
  }
  // The wh-word's own noun, with no determiner of its own ("what city is"): "the pleurobrachia have" is a subject.
  if (!wentOn || !isContentWord(words[b]!.core)) return null;
  let aux = b;
  while (aux < words.length && aux - b <= MAX_NEW_NOUN && !isAuxiliaryWord(words[aux]!)) {
    const w = words[aux]!;
    if (w.trail !== "" || (FUNCTION_WORDS.has(w.core) && w.core !== "of")) return null;
    aux++;
  }
  const auxiliary = words[aux];
  if (aux === b || auxiliary === undefined || aux - b > MAX_NEW_NOUN || !isAuxiliaryWord(auxiliary) || auxiliary.endsSentence) return null;
  // "have" after a noun is as often its verb as an auxiliary.
  if (HAVE_FORMS.has(auxiliary.core) || firstAuxiliaries.has(auxiliary.core)) return null;
  return { start: from, end: b, rule: "self_repair", confidence: 0.6 };
}

/** Subject questions' wh-words: "who made", "what caused". */
const SUBJECT_WH: ReadonlySet<string> = new Set(["who", "what"]);
/** A verb in the past: "made", "founded" (a word in -s may as well be a plural noun). */
function isPastVerb(core: string): boolean {
  return isPastForm(core) || IRREGULAR_PARTICIPLES.has(core);
}

/**
 * "Who was the Anglo-Norman no made fun of the Latin language?", "Who was the last president no wait is
 * the current President?": the first try asked "wh + be + a noun phrase"; after an explicit cue a verb or an
 * auxiliary asks the wh-word's question anew, so everything after the wh-word goes. ("Who was elected no
 * appointed" has no noun phrase after its "be": the participle alone is corrected.)
 */
export function askedWithNewVerb(words: readonly WordView[], sentenceStart: number, a: number, b: number): Removal | null {
  const wh = words[sentenceStart]!;
  const be = words[sentenceStart + 1];
  const article = words[sentenceStart + 2];
  const repair = words[b]!;
  if (!SUBJECT_WH.has(wh.core) || wh.trail !== "" || be === undefined || !FINITE_BE.has(be.core) || be.trail !== "") return null;
  if (article === undefined || !ARTICLES.has(article.core) || a <= sentenceStart + 3 || repair.trail !== "" || words[b + 1] === undefined) return null;
  return isAuxiliaryWord(repair) || isPastVerb(repair.core) ? { start: sentenceStart + 1, end: b, rule: "self_repair", confidence: 0.6 } : null;
}

/**
 * "How many Huguenots fled to Prussia no sorry … how many chose to stay in France?": asked again with "how
 * many" and a verb, the question leans on the noun the first try counted, which stays; the words from its
 * verb to the repeated "how many" go ("How many Huguenots chose to stay in France?").
 */
export function keepCountedNoun(words: readonly WordView[], question: number, a: number, b: number, confidence: number): Removal | null {
  if (!countsAt(words, question) || !countsAt(words, b)) return null;
  const verb = words[b + 2];
  if (verb === undefined || !(isAuxiliaryWord(verb) || isPastVerb(verb.core))) return null;
  // The noun: one word, or one "of" another ("tonnes of beans"); a verb may follow it at once ("Huguenots fled").
  const noun = words[question + 2];
  if (noun === undefined || noun.trail !== "" || !isContentWord(noun.core) || isAuxiliaryWord(noun)) return null;
  const ofNoun = words[question + 3]?.core === "of" && words[question + 4] !== undefined && isContentWord(words[question + 4]!.core);
  const nounEnd = question + (ofNoun ? 5 : 3);
  if (nounEnd >= a) return null;
  return { start: nounEnd, end: b + 2, rule: "self_repair", confidence };
}
