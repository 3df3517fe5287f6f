// Reparanda that are verb phrases (rule `self_repair`, see repairs.ts and reparandum.ts): a verb
// with its preposition or its object, corrected by another verb of the same form ("were discovered
// by no conquered by", "experienced another severe drought um no absorbed"). Read by their shapes:
// the verb's form, the determiner that opens its object, the preposition said again.
import { ARTICLES, GERUND, isContentWord, isParticiple, isPastForm, POSSESSIVE_DETERMINERS, PREPOSITIONS, PRESENT_VERB, RESTATING_SUBJECTS, type WordView } from "./words.js";

/**
 * "were discovered by no conquered by Rollo", "relies on sorry depends on": a verb and its preposition
 * corrected by another verb of the same form with the same preposition; the reparandum is the verb and
 * the preposition it took.
 */
export function verbWithPrepositionAgain(words: readonly WordView[], sentenceStart: number, a: number, b: number): number {
  const preposition = words[a - 1]!;
  const verb = words[a - 2];
  const repair = words[b]!;
  if (verb === undefined || a - 2 < sentenceStart || !PREPOSITIONS.has(preposition.core) || words[b + 1]?.core !== preposition.core) return -1;
  if (verb.trail !== "" || repair.trail !== "" || verb.core === repair.core || !isContentWord(verb.core) || !isContentWord(repair.core)) return -1;
  const sameForm = (isParticiple(verb.core) && isParticiple(repair.core)) || (PRESENT_VERB.test(verb.core) && PRESENT_VERB.test(repair.core));
  return sameForm ? a - 2 : -1;
}

/** Most words of the object between a verb and the cue that a verb of the same form replaces. */
const MAX_VERB_OBJECT = 4;
/** Determiners: before a verb they make it a noun's modifier ("the experienced drivers"); after it they open its object. */
export const NOUN_PHRASE_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLES, ...POSSESSIVE_DETERMINERS, "this", "that", "these", "those", "some", "any", "each", "every", "another"]);

/**
 * "the force experienced another severe drought um no absorbed 8 Gt", "a machine forms the basis no,
 * requires what", "by contributing to the debate no no speaking after": a verb in the past, the present
 * or in -ing corrected by another verb of the same form replaces the verb with its object, not the
 * object's last noun ("experienced another severe absorbed"). The object is a short noun phrase,
 * unbroken; -1 when there is none.
 */
export function verbWithObjectStart(words: readonly WordView[], sentenceStart: number, a: number, b: number): number {
  const repair = words[b]!;
  const form = isPastForm(repair.core) ? isPastForm : PRESENT_VERB.test(repair.core) ? (core: string) => PRESENT_VERB.test(core) :
    GERUND.test(repair.core) ? (core: string) => GERUND.test(core) : null;
  // A verb goes on with its own object or complement; a plural noun in -s may close the sentence ("… of phosphates umm I mean nitrates?").
  if (form === null || !isContentWord(repair.core) || repair.core.includes("'") || repair.trail !== "" || b + 1 >= words.length) return -1;
  const sameForm = (w: WordView) => w.core !== repair.core && isContentWord(w.core) && form(w.core);
  // The object: a determiner, then modifiers and nouns with no verb form of their own ("another severe drought"),
  // or a preposition's ("contributing to the debate").
  const objectWord = (w: WordView) => NOUN_PHRASE_DETERMINERS.has(w.core) || PREPOSITIONS.has(w.core) ||
    (isContentWord(w.core) && !isPastForm(w.core) && !w.core.endsWith("ing") && !w.capitalised);
  for (let v = a - 2; v >= Math.max(sentenceStart + 1, a - 1 - MAX_VERB_OBJECT); v--) {
    const verb = words[v]!;
    if (verb.trail !== "") return -1;
    if (!sameForm(verb)) {
      if (!objectWord(verb)) return -1;
      continue;
    }
    const before = words[v - 1]!;
    const opener = PREPOSITIONS.has(words[v + 1]!.core) ? words[v + 2]! : words[v + 1]!;
    // A finite verb after a preposition is a noun's ("of the elected"); a gerund takes one ("by contributing").
    if (NOUN_PHRASE_DETERMINERS.has(before.core) || (PREPOSITIONS.has(before.core) && !GERUND.test(verb.core)) || !NOUN_PHRASE_DETERMINERS.has(opener.core)) return -1;
    return objectWord(words[a - 1]!) && !NOUN_PHRASE_DETERMINERS.has(words[a - 1]!.core) ? v : -1;
  }
  return -1;
}

/**
 * "Krishna explains rather he reveals", "the king explained no he revealed": the verb before the cue at
 * `before` restated after it by a subject pronoun and a verb of the same form, with no pause written;
 * the repair replaces the first verb and what followed it.
 */
export function restatedWithSubject(words: readonly WordView[], before: number, after: number): boolean {
  const verb = words[before];
  const subject = words[after];
  const again = words[after + 1];
  if (verb === undefined || subject === undefined || again === undefined || !RESTATING_SUBJECTS.has(subject.core) || subject.trail !== "") return false;
  if (!isContentWord(verb.core) || !isContentWord(again.core) || verb.core === again.core) return false;
  return (isPastForm(verb.core) && isPastForm(again.core)) || (PRESENT_VERB.test(verb.core) && PRESENT_VERB.test(again.core));
}
