// A question asked again with a pronoun for the subject the first try named
// (rule `self_repair`, see repairs.ts):
//   "Where does the Lek separate no sorry where does it join?" -> "Where does the Lek join?"
// Dropping the whole first try would leave "it" pointing at nothing, so the
// named subject stays and the words from its verb to the pronoun go instead.
import type { Removal } from "./apply.js";
import { BE_FORMS, FUNCTION_WORDS, QUESTION_OPENERS, type WordView } from "./words.js";

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
