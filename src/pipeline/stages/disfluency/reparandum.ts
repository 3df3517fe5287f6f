// Where a self-repair's reparandum starts, given the editing term at [a, b)
// and the repair starting at b (rule `self_repair`, see repairs.ts):
//   matchBack    - an earlier copy of the repair's first word ("we ... we'll", "were ... weren't");
//   parallelTail - the repair repeats the reparandum's tail ("large containers no sorry smaller
//                  containers", "after taking the throne, sorry, before taking the throne");
//   defaultStart - one word, widened over a name run (names.ts) and the word that governs it;
//   repairArticleAfterDeterminer - the repair's article after a determiner kept ("how many the");
//   unevenTail   - the repair's head of another length before the reparandum's last words said again;
// verb-phrases.ts reads a verb with its preposition or object corrected by another verb.
import { STRONG_WORDS } from "./cue-lexicon.js";
import { DEMONYM, nameStart, POSSESSIVE } from "./names.js";
import { NOUN_PHRASE_DETERMINERS, verbWithPrepositionAgain } from "./verb-phrases.js";
import { ARTICLES, baseOf, BE_FORMS, COORDINATORS, endsInQuestionMark, FINITE_BE, FUNCTION_WORDS, isAuxiliaryOrModal, isContentWord, isNumeric, isParticiple, POSSESSIVE_DETERMINERS, PREPOSITIONS, PRESENT_VERB, QUESTION_OPENERS, WH_WORDS, type WordView } from "./words.js";

/** Discourse openers are never a reparandum on their own ("Well, I mean, ..."). */
const NOT_REPARANDUM = new Set(["well", "so", "yeah", "yes", "okay", "ok", "right", "oh", "now", "like", "just", "then", "because", "actually"]);
const MAX_MATCH_BACK = 6;
const MAX_TAIL = 4;

/** An article restarts where an article was said just before, whichever it is: "an allotrope or sorry a bond energy". */
const MAX_ARTICLE_BACK = 2;

/** Most words after an article that a noun phrase with a prepositional phrase of its own holds ("a particular problem in biology"). */
const MAX_NOUN_PHRASE_BACK = 5;

/**
 * "What was a particular problem in biology no the prize": after the article, a noun phrase and a
 * preposition's noun, unbroken, with no verb form or name in it; the repair's article restarts it all.
 */
function nounPhraseWithPreposition(words: readonly WordView[], from: number, to: number): boolean {
  if (to - from > MAX_NOUN_PHRASE_BACK || to - from < 3) return false;
  let preposition = false;
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    if (k < to - 1 && w.trail !== "") return false;
    if (PREPOSITIONS.has(w.core) && k > from && k < to - 1) { preposition = true; continue; }
    if (!isContentWord(w.core) || w.capitalised || isParticiple(w.core) || PRESENT_VERB.test(w.core) || w.core.endsWith("ing")) return false;
  }
  return preposition;
}

/** "the Mongols' surrender no the Yuan's increase": after the article, a possessor and the noun it owns. */
function possessedNoun(words: readonly WordView[], from: number, to: number): boolean {
  return to - from === 2 && POSSESSIVE.test(words[from]!.core) && words[from]!.trail === "" && isContentWord(words[from + 1]!.core);
}

/** No pause inside [from, to): the span reads as one phrase. */
function unbroken(words: readonly WordView[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (words[k]!.trail.length > 0) return false;
  return true;
}

/**
 * Reparandum start for the repair at `b`, matching back from the cue at `a`; -1 when none.
 * The nearest copy of the repair's first word, unless a farther one is followed by the
 * repair's second word too: "of the European Court of Justice, sorry, of the Santer
 * Commission" restarts at the first "of the", not at "of Justice". `explicit`: the cue says a
 * correction is made, so a form of "be" may correct its own tense.
 */
export function matchBack(words: readonly WordView[], sentenceStart: number, a: number, b: number, explicit = false): number {
  const first = words[b]!.core;
  const second = words[b + 1]?.core;
  const base = baseOf(first);
  // After an explicit cue "be" restarts at its other tense: "Who was the last president no wait is the current".
  const tensed = explicit && FINITE_BE.has(first);
  let nearest = -1;
  for (let j = a - 1; j >= Math.max(sentenceStart, a - MAX_MATCH_BACK); j--) {
    const c = words[j]!.core;
    if (c !== first && baseOf(c) !== base && !(ARTICLES.has(c) && ARTICLES.has(first) && (a - j <= MAX_ARTICLE_BACK || possessedNoun(words, j + 1, a) ||
      nounPhraseWithPreposition(words, j + 1, a))) &&
      !(tensed && FINITE_BE.has(c))) continue;
    // After an editing term an article restarts a noun phrase, and a noun phrase holds no verb of its
    // own: "that the US would invade Kuwait or I guess the Middle East" corrects "Kuwait", not the clause
    // from "the US". A clause said again from its subject restarts there ("the car was red uh the car was
    // blue"), and a relative clause belongs to its noun ("the region that is not defined or rather the area").
    if (a < b && ARTICLES.has(first) && words[j + 1]?.core !== second && holdsClauseVerb(words, j + 1, a)) continue;
    // "What do phosphates increase no no do to the growth": the question's auxiliary ("What do") is not the
    // main verb said again, which takes a preposition where the auxiliary takes its subject.
    if (QUESTION_OPENERS.has(c) && j > sentenceStart && WH_WORDS.has(words[j - 1]!.core) && second !== undefined && PREPOSITIONS.has(second)) continue;
    if (nearest < 0) nearest = j;
    if (second === undefined || j + 1 >= a || words[j + 1]!.core === second) return j;
  }
  return nearest >= 0 || !explicit ? nearest : verbPhraseSaidAgain(words, sentenceStart, a, b);
}

/** Words of a verb phrase said again that mark where, however far back, it was first said. */
const VERB_PHRASE_ECHO = 3;

/**
 * "… may be caused by what threats facing the Amazon no sorry may be caused by what type of emissions",
 * "… are believed to be released from the forest no wait I mean are believed to be stored": after an
 * explicit cue a verb phrase opened by an auxiliary and said again, three words alike, restarts where
 * it was first said, beyond the few words matchBack looks at; -1 when it was not.
 */
function verbPhraseSaidAgain(words: readonly WordView[], sentenceStart: number, a: number, b: number): number {
  if (!isAuxiliaryOrModal(words[b]!.core)) return -1;
  for (let j = a - MAX_MATCH_BACK - 1; j > sentenceStart; j--) {
    let same = true;
    for (let k = 0; k < VERB_PHRASE_ECHO && same; k++) same = words[j + k]?.core === words[b + k]?.core && (k === VERB_PHRASE_ECHO - 1 || words[j + k]!.trail === "");
    if (same) return j;
  }
  return -1;
}

const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(["that", "which", "who", "whom", "whose"]);

/** An auxiliary in words[from, to) that is no relative clause's: the span holds a clause. */
function holdsClauseVerb(words: readonly WordView[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    if ((QUESTION_OPENERS.has(words[k]!.core) || BE_FORMS.has(words[k]!.core)) && !RELATIVE_PRONOUNS.has(words[k - 1]!.core)) return true;
  }
  return false;
}

/** The reparandum's last word and its echo in the repair: the same word, or a figure for a figure ("organized in 2006, I guess classified in 2008"). */
function sameAnchor(x: string, y: string, figures: boolean): boolean {
  return x === y || (figures && isNumeric(x) && isNumeric(y));
}

/**
 * "3 billion no make that 5.3 billion", "after taking the throne no sorry
 * before taking the throne": the repair's words after its first repeat the
 * words before the cue, so the reparandum is one word longer than that echo.
 */
export function parallelTail(words: readonly WordView[], sentenceStart: number, a: number, b: number): number {
  if (FUNCTION_WORDS.has(words[a - 1]!.core)) return verbWithPrepositionAgain(words, sentenceStart, a, b);
  for (let j = 1; j <= MAX_TAIL; j++) {
    const start = a - 1 - j;
    if (start < sentenceStart || b + j >= words.length) return -1;
    // A figure echoes a figure only with a word echoed between them: "in 2005, I meant the 2000s" keeps "in".
    if (!sameAnchor(words[b + j]!.core, words[a - 1]!.core, j > 1)) continue;
    let echo = true;
    for (let k = 1; k < j && echo; k++) echo = words[b + k]!.core === words[start + k]!.core;
    if (!echo || !unbroken(words, start, a - 1) || !unbroken(words, b, b + j)) continue;
    // "is an obligation sorry not an obligation", "require I mean never require": a negation or
    // focus word put before the echo replaces nothing; the echo alone is the reparandum.
    // After a bare "no", "not" disowns instead ("die no not die was born").
    if (INSERTED.has(words[b]!.core) && !INSERTED.has(words[start]!.core) && words[b - 1]!.core !== "no") return start + 1;
    // The reparandum's first word is replaced by the repair's: like for like ("after ... before",
    // "3 ... 5.3"), not a preposition for a modifier ("of shared wait I mean non shared").
    if (FUNCTION_WORDS.has(words[start]!.core) === FUNCTION_WORDS.has(words[b]!.core)) return start;
  }
  return -1;
}

/** Most words of the head a repair changes before the words it echoes, on either side. */
const MAX_HEAD = 3;

/**
 * "each region of the Amazon no sorry square kilometre of the Amazon", "What did Kemney offer, sorry,
 * Warner Sinback offer?": the repair ends with the reparandum's last words again, and puts a head of
 * another length before them. The reparandum is its own head (content words back to a determiner or
 * a function word) and the echoed words; -1 when the repair does not read so.
 */
export function unevenTail(words: readonly WordView[], sentenceStart: number, a: number, b: number): number {
  const last = words[a - 1]!;
  if (!isContentWord(last.core)) return -1;
  for (let m = 1; m <= MAX_TAIL - 1; m++) {
    for (let r = 1; r <= MAX_HEAD; r++) {
      if (b + r + m > words.length || a - m - 1 < sentenceStart) break;
      let echo = true;
      for (let t = 0; t < m && echo; t++) echo = words[b + r + t]!.core === words[a - m + t]!.core;
      if (!echo || !unbroken(words, b, b + r + m - 1) || !unbroken(words, a - m - 1, a - 1)) continue;
      const repairHead = words.slice(b, b + r);
      if (!repairHead.every((w) => isContentWord(w.core))) continue;
      let start = a - m;
      while (start - 1 >= sentenceStart && a - m - start < MAX_HEAD && words[start - 1]!.trail === "" && isContentWord(words[start - 1]!.core) &&
        !QUESTION_OPENERS.has(words[start - 1]!.core) && !NOUN_PHRASE_DETERMINERS.has(words[start - 1]!.core)) start--;
      const head = a - m - start;
      // The heads differ in length (an equal one is parallelTail's, unless both are names of two words or more
      // that differ past their first: "John Smith's team no Mary Jones's team"). They are names for names, or nouns
      // after the reparandum's determiner: after any other word the head may be a verb's ("to blood flow" / "increase oxygen uptake").
      if (head === 0 || start - 1 < sentenceStart) continue;
      const names = (ws: readonly WordView[]) => ws.every((w) => w.capitalised && !FUNCTION_WORDS.has(w.core));
      const namedBoth = names(words.slice(start, a - m)) && names(repairHead);
      if (head === r && !(namedBoth && r > 1)) continue;
      if (!namedBoth && !NOUN_PHRASE_DETERMINERS.has(words[start - 1]!.core)) continue;
      return start;
    }
  }
  return -1;
}

/** Words a repair puts before the words it says again, adding to them rather than replacing one. */
const INSERTED: ReadonlySet<string> = new Set(["not", "never", "also", "only", "still", "even", "just"]);


/**
 * One-word reparandum, widened over a capitalised name run ("Wahl and Ammann", "al-Haramain Foundation",
 * "Roussel de Bailleul") or over the nouns compounded with it (compoundStart).
 */
export function defaultStart(words: readonly WordView[], sentenceStart: number, a: number, b: number): number {
  let s = a - 1;
  let w = words[s]!;
  if (s < sentenceStart || NOT_REPARANDUM.has(w.core)) return -1;
  // "No, no, I mean it", "no, I mean you gave birth", "Sorry, sorry, my fault": a "no" or a cue word
  // opening the sentence answers or apologises; nothing said is corrected, and the reparandum is empty (a).
  if (s === sentenceStart && (w.core === "no" || STRONG_WORDS.has(w.core))) return a;
  // "But, I mean, was it even legal": a conjunction is corrected only by another ("and, sorry, or");
  // before anything else nothing said is corrected, and the reparandum is empty (a).
  if (COORDINATORS.has(w.core) && !COORDINATORS.has(words[b]!.core)) return a;
  // A capital inside the sentence is a name's, whatever word it spells ("the US or no make that Denmark").
  const closedClass = (x: WordView, k: number) => FUNCTION_WORDS.has(x.core) && !(x.capitalised && k > sentenceStart && x.core !== "i");
  // A closed-class word is replaced only by its like: "before, no wait, after", "7, uh, 4". But a
  // preposition left hanging goes with the word it follows: "cared for no wait looked out for",
  // "thought of no wait considered", "Guyard de Moulin from or no I mean Jean de Rely from".
  if (closedClass(w, s) && !FUNCTION_WORDS.has(words[b]!.core)) {
    const head = words[s - 1];
    const hanging = PREPOSITIONS.has(w.core) && w.trail.length === 0 && head !== undefined && s - 1 >= sentenceStart &&
      head.trail.length === 0 && !closedClass(head, s - 1);
    if (!hanging) return -1;
    w = words[--s]!;
  }
  if (!w.capitalised) {
    const compound = compoundStart(words, sentenceStart, s, b);
    // Only where the sentence asks: in a statement, and in raw ASR that shows none, a cue before a
    // determiner as often answers the other speaker ("that changes everything um no it was the highest").
    if (opensDeterminedPhrase(words, b) && endsInQuestionMark(words, b)) {
      // The phrase a wh-word opens may hold its verb ("What slows down prolactin"): only the compound goes then.
      const phrase = phraseStart(words, sentenceStart, s);
      const start = phrase < s && WH_WORDS.has(words[phrase - 1]!.core) ? compound : Math.min(compound, phrase);
      return withGoverningWord(words, sentenceStart, possessorStart(words, sentenceStart, determinedPhraseStart(words, sentenceStart, start), b), b);
    }
    return withGoverningWord(words, sentenceStart, possessorStart(words, sentenceStart, opensNounPhrase(words, b) ? Math.min(compound, phraseStart(words, sentenceStart, s)) : compound, b), b);
  }
  const named = nameStart(words, sentenceStart, s, b);
  return named.whole ? named.start : withGoverningWord(words, sentenceStart, named.start, b);
}

/** Wh-words that open a noun phrase in place of its article: "the second-smallest no which size". */
const WH_DETERMINERS: ReadonlySet<string> = new Set(["which", "what", "whose"]);

/**
 * A repair that brings its own governing word takes the reparandum's along: "courses of Yale or no make
 * that at the U of C" -> "courses at the U of C" (not "of at"), "was the second-smallest no which size"
 * -> "was which size" (not "the which").
 */
function withGoverningWord(words: readonly WordView[], sentenceStart: number, s: number, b: number): number {
  const before = words[s - 1];
  const repair = words[b]!.core;
  if (before === undefined || s - 1 < sentenceStart || before.trail.length > 0) return s;
  if (PREPOSITIONS.has(repair) && PREPOSITIONS.has(before.core)) return s - 1;
  if (WH_DETERMINERS.has(repair) && ARTICLES.has(before.core)) return s - 1;
  return s;
}

/** Words that determine the noun phrase they open: an article after them is one too many ("how many the pairs"). */
const OPENING_DETERMINERS: ReadonlySet<string> = new Set(["many", "much", "what", "which", "whose"]);

/**
 * "How many dioxygen no the pairs" -> "How many pairs": the repair's article would follow the
 * determiner kept before the reparandum, so it goes with the reparandum. 1 to take it, else 0.
 */
export function repairArticleAfterDeterminer(words: readonly WordView[], s: number, b: number): number {
  const before = words[s - 1];
  const repair = words[b]!;
  if (before === undefined || before.trail.length > 0 || !OPENING_DETERMINERS.has(before.core)) return 0;
  return ARTICLES.has(repair.core) && repair.trail.length === 0 && words[b + 1] !== undefined ? 1 : 0;
}

/** Words that count, order or grade a noun rather than name it. */
const MODIFIERS: ReadonlySet<string> = new Set([
  "many", "much", "some", "any", "all", "each", "every", "few", "more", "most", "other", "another", "such", "own", "only", "same",
  "one", "both", "several", "not", "also", "very", "first", "second", "third", "last", "next", "main", "known", "unknown", "new",
  "old", "big", "small", "large", "great", "good", "bad", "high", "low", "long", "short", "major", "minor", "key", "top", "real",
  "true", "whole", "full", "early", "late", "common", "modern", "ancient", "young", "north", "south", "east", "west", "original", "general", "central", "national",
  "international", "local", "final", "total", "special", "official", "initial", "actual", "principal", "annual", "primary",
]);
/** Words that count a noun phrase and so open one: "most water pumps", "how much silicon dioxide". */
const QUANTIFIERS: ReadonlySet<string> = new Set(["many", "much", "most", "few", "several", "some", "all", "each", "every", "both", "any"]);
/** Endings of adjectives and participles: "famous", "fewest", "jelly-like", "existing", "steam-powered", "geothermic". */
const MODIFIER_ENDING = /(?:est|ous|ful|ive|like|less|able|ible|ing|ed|ic|ist|ly)$/;
/** Words after which a noun phrase starts; "to" is left out, since it also marks a verb ("to control resources"). */
const NOUN_PHRASE_OPENERS: ReadonlySet<string> = new Set([
  "the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "what", "which", "whose",
  ...[...PREPOSITIONS].filter((p) => p !== "to"),
]);
/** Most words a compound reparandum spans. */
const MAX_COMPOUND = 3;

function isNounLike(w: WordView): boolean {
  const core = w.core;
  // A capitalised word is a name whatever its ending ("Turing machines").
  return isContentWord(core) && !core.endsWith("n't") && !core.endsWith("'s") && !isNumeric(core) && !MODIFIERS.has(core) &&
    (w.capitalised ? !DEMONYM.test(core) : !MODIFIER_ENDING.test(core));
}

/**
 * "within the Turing machines no NP complexity class", "What medical area or rather river": a
 * noun corrected by a noun takes the nouns compounded with it along, provided they follow a
 * word that opens a noun phrase, so they are not a verb's subject ("do Scandinavian nations need
 * or wait have" keeps "nations"). Adjectives stay ("a jelly-like muscle sorry layer").
 */
function compoundStart(words: readonly WordView[], sentenceStart: number, s: number, b: number): number {
  if (!isNounLike(words[s]!) || !isNounLike(words[b]!)) return s;
  let k = s;
  while (k - 1 > sentenceStart && s - k + 1 < MAX_COMPOUND && words[k - 1]!.trail.length === 0 && isNounLike(words[k - 1]!)) k--;
  if (k < s && questionVerbAt(words, sentenceStart, k)) k++;
  const opener = words[k - 1]!;
  return k < s && opener.trail.length === 0 && (NOUN_PHRASE_OPENERS.has(opener.core) || QUANTIFIERS.has(opener.core)) ? k : s;
}

/** Words before which a noun phrase may stand as a subject or object: openers of a noun phrase, auxiliaries, quantifiers. */
const PHRASE_OPENERS: ReadonlySet<string> = new Set([...NOUN_PHRASE_OPENERS, ...QUANTIFIERS, ...QUESTION_OPENERS, ...BE_FORMS]);

/** Closed-class words the function-word table leaves out: "expressed as a function" is no noun phrase. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(["as", "like", "because", "while", "although", "though", "whether", "unless", "once"]);
/** Adverbs grade a word rather than belong to the phrase corrected: "really thin, actually scrawny legs" keeps "really". */
const ADVERBS: ReadonlySet<string> = new Set(["very", "not", "also", "only", "just", "too", "so", "quite", "even", "still"]);

/**
 * A word of the phrase before the cue that goes with its noun: a modifier or noun, not a name, possessive,
 * quantity or adverb. A people's adjective modifies like any other ("by Danish vikings or rather the Normans").
 */
function isPhraseModifier(w: WordView): boolean {
  return isContentWord(w.core) && !QUANTIFIERS.has(w.core) && (!w.capitalised || DEMONYM.test(w.core)) && !w.core.endsWith("'s") && !w.core.endsWith("ly") &&
    !ADVERBS.has(w.core) && !CONJUNCTIONS.has(w.core);
}

/** The repair is a phrase of two content words, the second a noun: "forested areas", "south Italy". */
function opensNounPhrase(words: readonly WordView[], b: number): boolean {
  const first = words[b]!;
  const second = words[b + 1];
  if (second === undefined || first.trail !== "" || first.capitalised || !isContentWord(first.core) || QUANTIFIERS.has(first.core) ||
    !isNounLike(second) || CONJUNCTIONS.has(second.core)) return false;
  // The phrase closes after its two words: "forested areas can", "stainless steel?", "textile factories in".
  const third = words[b + 2];
  return second.trail.length > 0 || third === undefined || !isContentWord(third.core);
}

/** Words that open a noun phrase of their own: the repair brings a whole phrase ("no no both science and government"). */
const PHRASE_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLES, "both", "all", "each", "every", "some", "any", "two", "three", "these", "those", "this", "that"]);

/** The repair opens with its own determiner and a content word: "environmental challenges no no both science". */
function opensDeterminedPhrase(words: readonly WordView[], b: number): boolean {
  const first = words[b]!;
  const second = words[b + 1];
  return PHRASE_DETERMINERS.has(first.core) && first.trail === "" && second !== undefined && isContentWord(second.core);
}

/**
 * "What was Joseph Priestley's experiment no rather his occupation": a repair opened by a possessive
 * determiner replaces the possessor said before the noun, a name's words or its determiner with it (not
 * "Priestley's his").
 */
function possessorStart(words: readonly WordView[], sentenceStart: number, k: number, b: number): number {
  const owner = words[k - 1];
  if (!POSSESSIVE_DETERMINERS.has(words[b]!.core) || owner === undefined || k - 1 < sentenceStart || owner.trail !== "" || !POSSESSIVE.test(owner.core)) return k;
  let start = k - 1;
  while (start - 1 > sentenceStart && words[start - 1]!.trail === "" && words[start - 1]!.capitalised && !FUNCTION_WORDS.has(words[start - 1]!.core)) start--;
  // "the company's revenue no sorry its profit": the possessor's own determiner goes with it.
  return determinedPhraseStart(words, sentenceStart, start);
}

/** Determiners a reparandum's phrase may open with; a quantity ("how many", "the most") stays, as the question it belongs to. */
const REPARANDUM_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLES, "this", "that", "these", "those"]);

/** A repair with its own determiner replaces the reparandum's too: "also a university no no that grandmaster" -> "also that grandmaster". */
function determinedPhraseStart(words: readonly WordView[], sentenceStart: number, k: number): number {
  const det = words[k - 1];
  return det !== undefined && k - 1 >= sentenceStart && det.trail === "" && REPARANDUM_DETERMINERS.has(det.core) ? k - 1 : k;
}

/**
 * "economic inequalities no uh redistribution mechanisms", "southern Normandy no actually south Italy":
 * a whole phrase in the repair replaces the whole phrase before the cue, its modifiers with it, back to
 * the word that opened the phrase. Without such an opener it is one word, as compoundStart reads it.
 */
function phraseStart(words: readonly WordView[], sentenceStart: number, s: number): number {
  // "What are spin magnetic no the O molecules": the last word said may be a modifier of a noun never said.
  if (!isNounLike(words[s]!) && !isContentWord(words[s]!.core)) return s;
  let k = s;
  while (k - 1 > sentenceStart && s - k + 1 < MAX_COMPOUND && words[k - 1]!.trail.length === 0 && isContentWord(words[k - 1]!.core) &&
    isPhraseModifier(words[k - 1]!)) k--;
  if (k < s && questionVerbAt(words, sentenceStart, k)) k++;
  const opener = words[k - 1]!;
  return k < s && opener.trail.length === 0 && PHRASE_OPENERS.has(opener.core) ? k : s;
}

/**
 * Right after the question's opening wh-word, a word in -s is not a word of the phrase corrected: the
 * question's verb ("What causes dioxygen or uh sorry triplet oxygen to react") or an adjective both
 * phrases share ("What famous surf sorry snowboarder lives …").
 */
function questionVerbAt(words: readonly WordView[], sentenceStart: number, k: number): boolean {
  return k - 1 === sentenceStart && WH_WORDS.has(words[k - 1]!.core) && PRESENT_VERB.test(words[k]!.core);
}
