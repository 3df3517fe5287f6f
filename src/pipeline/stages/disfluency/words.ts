// The word view the disfluency rules read: each token split once into its
// lowercase core and the punctuation around it, plus the small closed word
// classes the rules consult. Built once per segment so every rule is a few
// array and Set lookups per token (the stage runs ~20k segments/s).
import type { Token } from "../../tokens.js";
import { endsSentence, splitAffixes } from "../../text.js";

export interface WordView {
  /** Lowercase letters/digits core, curly apostrophes folded to "'": "“Um,”" -> "um". */
  core: string;
  lead: string;
  trail: string;
  /** The token's first letter is a capital (for restoring a sentence start). */
  capitalised: boolean;
  /** Two or more letters, all capitals: "UK", "NASA". */
  acronym: boolean;
  /** The token ends a sentence (". ? !", not abbreviations or ellipses). */
  endsSentence: boolean;
}

const CURLY_APOSTROPHE = /\u2019/g;
/** A name written after a lowercase particle: "al-Haramain", "bin-Laden", "d'Artagnan". */
const PARTICLE_NAME = /^(?:al|el|ad|an|ar|as|at|bin|ibn|abu|d|de|di|da|du|la|le|van|von)[-'\u2019]\p{Lu}/u;

export function viewWords(tokens: readonly Token[]): WordView[] {
  const views: WordView[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    const { lead, core, trail } = splitAffixes(text);
    const lower = core.toLowerCase();
    const first = core.charAt(0);
    views[i] = {
      core: lower.includes("\u2019") ? lower.replace(CURLY_APOSTROPHE, "'") : lower,
      lead,
      trail,
      capitalised: (first !== "" && first !== first.toLowerCase()) || PARTICLE_NAME.test(core),
      acronym: core.length > 1 && core === core.toUpperCase() && core !== lower,
      endsSentence: endsSentence(text),
    };
  }
  readOhAsZero(views);
  return views;
}

/** Words said between the digits of an address or an id: "ten dot oh", "six oh eight dash oh five". */
const DIGIT_JOINERS: ReadonlySet<string> = new Set(["dot", "dash", "hyphen"]);

/**
 * "two oh six", "one oh dot one": an "oh" among digits is a zero, not an
 * interjection or a correction cue; the rules read it as "zero". A run of them
 * counts ("two oh oh seven"), and so does one next to "dot" or "dash".
 */
function readOhAsZero(views: WordView[]): void {
  // Spoken numbers only: between written ones ("in 1811 oh 1805") a writer's "oh" is a correction.
  const digitLike = (w: WordView | undefined) => w !== undefined && w.core !== "oh" && (NUMBER_WORDS.has(w.core) || DIGIT_JOINERS.has(w.core));
  for (let i = 0; i < views.length; i++) {
    if (views[i]!.core !== "oh" || views[i]!.trail !== "") continue;
    let j = i;
    while (j < views.length && views[j]!.core === "oh" && views[j]!.trail === "") j++;
    const before = views[i - 1];
    const after = views[j];
    // Opening a number it needs two digits after it: "oh four five" is a code, "oh two things" an interjection.
    if ((digitLike(before) && before!.trail === "") || (digitLike(after) && after!.trail === "" && digitLike(views[j + 1]))) {
      for (let k = i; k < j; k++) views[k] = { ...views[k]!, core: "zero" };
    }
    i = j - 1;
  }
}

/** Index of the first token of the sentence containing token `i` (0 when no earlier sentence end). */
export function sentenceStartOf(words: readonly WordView[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (words[k]!.endsSentence) return k + 1;
  return 0;
}

/** The word that ends the sentence word i is in (i itself, or later); -1 when the segment ends first. */
export function sentenceEndOf(words: readonly WordView[], i: number): number {
  for (let k = i; k < words.length; k++) if (words[k]!.endsSentence) return k;
  return -1;
}

/** The trailing punctuation carries a pause or end: the word closes a phrase. */
export function closesPhrase(w: WordView | undefined): boolean {
  return w === undefined || w.trail.length > 0;
}

/** The word opens a phrase: first in the segment, or after a word with trailing punctuation. */
/** No word carries punctuation: raw ASR, where no pause is marked and the words alone must tell a filler. */
export function isRawAsr(words: readonly WordView[]): boolean {
  return words.every((w) => w.trail === "" && w.lead === "");
}

export function opensPhrase(words: readonly WordView[], i: number): boolean {
  return i === 0 || words[i - 1]!.trail.length > 0;
}

/** Contractions whose first part is a pronoun or wh-word: "we'll" matches "we" when a repair restates a subject. */
export function contractionBase(core: string): string {
  const apostrophe = core.indexOf("'");
  return apostrophe > 0 ? core.slice(0, apostrophe) : core;
}

/** "weren't" -> "were", "we'll" -> "we": a repair often only changes the contraction. */
export function baseOf(core: string): string {
  return core.endsWith("n't") && core.length > 4 ? core.slice(0, -3) : contractionBase(core);
}

/** The same word, or the same pronoun with another contraction ("we" / "we'll"). */
export function sameBase(a: string, b: string): boolean {
  return a === b || contractionBase(a) === contractionBase(b);
}

/** A hesitation sound however long it was drawn out ("uh", "ummm", "errr", "hm"). */
const HESITATION = /^(?:u+m+|u+h+|e+r+m*|a+h+|h+m+)$/;
export function isHesitation(core: string): boolean {
  return HESITATION.test(core);
}

export const WH_WORDS: ReadonlySet<string> = new Set([
  "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "what's", "who's", "where's", "how's",
]);

/** Auxiliaries that open yes/no questions ("Does X ... no, what ..."). */
export const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should", "has", "have", "had",
]);

/** Modals QUESTION_OPENERS leaves out that still follow a question's noun phrase ("which departments rather fields may"). */
export const OTHER_MODALS: ReadonlySet<string> = new Set(["may", "might", "must", "shall"]);

/** An auxiliary or a form of "be": "is", "did", "has", "it's". */
export function isAuxiliary(w: WordView): boolean {
  return QUESTION_OPENERS.has(w.core) || BE_FORMS.has(w.core);
}

/** An auxiliary or a modal, the word a verb phrase opens with: "is", "did", "can", "may". */
export function isAuxiliaryOrModal(core: string): boolean {
  return QUESTION_OPENERS.has(core) || BE_FORMS.has(core) || OTHER_MODALS.has(core);
}

/** Compass points and their adjectives: one said for another is corrected, never listed. */
export const COMPASS_POINTS: ReadonlySet<string> = new Set([
  "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
  "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
]);

/** Finite forms of "be", which correct one another across tense or person ("do" and "have" are main verbs too: "have or no do"). */
export const FINITE_BE: ReadonlySet<string> = new Set(["is", "are", "was", "were"]);
/** Pronouns that restate a clause's subject with a verb of their own ("Krishna explains, rather, he reveals"); "I" and "you" cannot. */
export const RESTATING_SUBJECTS: ReadonlySet<string> = new Set(["he", "she", "it", "we", "they"]);
/** Conjunctions that join clauses or phrases of one kind. */
export const COORDINATORS: ReadonlySet<string> = new Set(["and", "but", "or", "nor"]);

export const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an"]);
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set(["my", "your", "his", "her", "our", "their", "its"]);
/** Words that open a noun phrase and cannot end one: left before a new clause, they hang. */
export const NOUN_DETERMINERS: ReadonlySet<string> = new Set([...ARTICLES, ...POSSESSIVE_DETERMINERS, "these", "those"]);

export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(["i", "you", "he", "she", "it", "we", "they"]);
/** Pronouns a verb or a preposition takes as a person ("asked me", "treat him like"); "it" aside. */
export const PERSONAL_OBJECTS: ReadonlySet<string> = new Set(["me", "him", "her", "us", "them", "you"]);

/** An auxiliary with its "n't": "don't", "wasn't". */
export const NEGATED_AUXILIARY = /^[a-z]+n't$/;
/** "not", "never", or an auxiliary with its "n't". */
export function isNegation(core: string): boolean {
  return core === "not" || core === "never" || NEGATED_AUXILIARY.test(core);
}
/** Subject pronouns that are never an object ("you", "it" are both): one left hanging or said twice restarts. */
export const SUBJECT_ONLY_PRONOUNS: ReadonlySet<string> = new Set(["i", "we", "they", "he", "she"]);
/** Forms of "do", "have" and "get" that are main verbs when an object follows them: "I did it", "we have this". */
const OBJECT_TAKING_FORMS: ReadonlySet<string> = new Set(["do", "does", "did", "done", "doing", "have", "has", "had", "having", "get", "gets", "got", "getting"]);
/** Words before "do"/"have" that show it is the verb of its clause: a subject, or an auxiliary or adverb before the verb. */
const BEFORE_MAIN_VERB: ReadonlySet<string> = new Set([
  ...SUBJECT_ONLY_PRONOUNS, "you", "don't", "didn't", "doesn't", "never", "just", "already", "finally", "actually", "to", "can", "can't",
  "could", "will", "won't", "would", "should", "must", "might", "i'll", "we'll", "they'll", "you'll", "i've", "we've", "they've", "you've",
]);

/**
 * A clause of function words only ends whole at words[k] ("it", "this", "there"): the object of "do", "have"
 * or "get" used as its verb ("I did it,", "we've got this,"), what a demonstrative is ("that's it,", "this is
 * it,", "that was it,"), or where a subject is ("we were there,"). Not a fragment given up there; "Did it, it
 * work?" stutters.
 */
export function closesWholeClause(words: readonly WordView[], k: number): boolean {
  const w = words[k]!.core;
  const verb = words[k - 1];
  if ((w !== "it" && w !== "this" && w !== "there") || verb === undefined || verb.trail !== "") return false;
  if (w === "it" && verb.core === "that's") return true;
  // "we're there,", "we were there,": a subject is somewhere.
  if (w === "there" && SUBJECT_CONTRACTIONS.has(verb.core)) return verb.core !== "there's" && verb.core !== "that's";
  const before = words[k - 2];
  if (before === undefined || before.trail !== "") return false;
  if (w === "there") return FINITE_BE.has(verb.core) && SUBJECT_PRONOUNS.has(before.core);
  if (w === "it" && FINITE_BE.has(verb.core)) return before.core === "this" || before.core === "that";
  return OBJECT_TAKING_FORMS.has(verb.core) && BEFORE_MAIN_VERB.has(before.core);
}

/** A subject and its "be" in one word: each opens a clause ("it's", "there's"). */
export const SUBJECT_CONTRACTIONS: ReadonlySet<string> = new Set([
  "i'm", "you're", "we're", "they're", "he's", "she's", "it's", "that's", "there's",
]);

export const PREPOSITIONS: ReadonlySet<string> = new Set([
  "in", "on", "at", "by", "for", "from", "of", "to", "with", "about", "after", "before", "during", "into",
  "since", "until", "under", "over", "through", "between", "among", "against", "within", "without", "above", "below",
  "near", "around", "across", "along", "behind", "beyond", "upon", "toward", "towards", "throughout", "via", "despite", "onto",
]);

/** Closed-class words: a repair's reparandum is rarely just one of these; names and nouns are not in here. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...PREPOSITIONS, ...SUBJECT_PRONOUNS, ...QUESTION_OPENERS,
  "a", "an", "the", "and", "or", "but", "so", "if", "that", "this", "these", "those", "there", "then", "than",
  "me", "him", "her", "us", "them", "my", "your", "his", "its", "our", "their", "not", "no", "be", "been", "am",
]);

/** Forms of "to be" (incl. contractions): "was like", "it's like" are quotative or comparative, never fillers. */
export const BE_FORMS: ReadonlySet<string> = new Set([
  "is", "are", "was", "were", "be", "been", "being", "am", "it's", "that's", "he's", "she's", "i'm", "you're",
  "they're", "we're", "there's", "what's", "who's", "here's", "'s", "'re", "'m",
]);

/** Words that are numbers when spoken: "five five five" is a phone number, "seventeen seventeen" a year, not a stutter. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
  "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
  "billion", "double", "triple",
]);

const DIGIT = /\d/;
export function isNumeric(core: string): boolean {
  return NUMBER_WORDS.has(core) || DIGIT.test(core);
}

const FIGURE = /^\d[\d.,]*$/;
/** A number written in figures: "1700", "98.43", "1,000". */
export function isFigure(core: string): boolean {
  return FIGURE.test(core);
}

/** The sentence holding word i ends with a question mark. */
export function endsInQuestionMark(words: readonly WordView[], i: number): boolean {
  const end = sentenceEndOf(words, i);
  return end >= 0 && words[end]!.trail.includes("?");
}

/** Not a closed-class word, nor a contraction of one ("it's", "what's"): a noun, verb or adjective. */
export function isContentWord(core: string): boolean {
  const base = contractionBase(core);
  return !FUNCTION_WORDS.has(core) && !BE_FORMS.has(core) && !WH_WORDS.has(core) && !FUNCTION_WORDS.has(base) && !WH_WORDS.has(base);
}

/** A wh-word among words[from, to). */
export function hasWhWord(words: readonly WordView[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (WH_WORDS.has(words[k]!.core)) return true;
  return false;
}

/** Irregular participles, which compare as the -ed forms do: "spoken like a man", "built like a tank". */
export const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set([
  "spoken", "written", "driven", "given", "taken", "eaten", "broken", "chosen", "fallen", "forgotten", "hidden", "beaten",
  "shaken", "frozen", "stolen", "sworn", "worn", "torn", "drawn", "grown", "known", "shown", "thrown", "blown", "flown",
  "done", "seen", "built", "made", "sung", "begun", "run", "swum", "hung", "held", "taught", "fought", "caught", "sought",
]);

/** A past participle: in -ed, or one of the irregular ones. */
export function isParticiple(core: string): boolean {
  return (core.length > 4 && core.endsWith("ed")) || IRREGULAR_PARTICIPLES.has(core);
}

/** Past forms that are never a noun or an adjective before one: "we like went back", "who like did". */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set([
  "went", "did", "came", "saw", "said", "got", "took", "gave", "knew", "thought", "told", "felt", "found", "ran", "sat", "stood",
  "kept", "began", "fell", "brought", "bought", "wrote", "spoke", "threw", "drove", "ate", "sang", "swam", "grew", "flew", "slept",
  "left", "lost", "met", "paid", "sent", "spent", "won", "woke", "wore", "tore", "broke", "chose", "froze", "stole", "forgot",
]);

/** A verb in -s after its subject ("ensures", "supervises"), not "-ss" ("process"). */
export const PRESENT_VERB = /^[a-z]{3,}[^s]s$/;
/** A verb's -ing form: "discovering", "speaking". */
export const GERUND = /^[a-z]{3,}ing$/;
/** Forms of "have": an auxiliary before a participle, and as often a verb of its own. */
export const HAVE_FORMS: ReadonlySet<string> = new Set(["have", "has", "had"]);

/** A verb in the past, said so by its form: "went", "founded" (not "need", which ends in -ed only by spelling). */
export function isPastForm(core: string): boolean {
  return IRREGULAR_PAST.has(core) || (/^[a-z]{3,}ed$/.test(core) && isContentWord(core));
}

/** "how many" / "how much" opens at words[k], with no pause after "how". */
export function countsAt(words: readonly WordView[], k: number): boolean {
  const how = words[k];
  const many = words[k + 1]?.core;
  return how !== undefined && how.core === "how" && how.trail === "" && (many === "many" || many === "much");
}

/** Prefixes written with a hyphen and their word apart ("non- GAAP", "pre- pandemic"). */
const HYPHENED_PREFIXES: ReadonlySet<string> = new Set([
  "non", "anti", "pre", "post", "multi", "semi", "self", "inter", "intra", "mid", "counter", "cross", "micro", "macro", "mega", "ultra",
  "quasi", "pseudo",
]);

/**
 * "refer to certain Non- GAAP financial measures": a prefix and its hyphen written apart from the word
 * they go with, not a word broken off. Prefixes that are as often a word's first syllable ("re-", "co-",
 * "de-") are left out, and so is one before a function word ("pre- to") or before the word it begins.
 */
export function hyphenedPrefixAt(words: readonly WordView[], k: number): boolean {
  const w = words[k]!;
  const next = words[k + 1];
  return w.trail === "-" && HYPHENED_PREFIXES.has(w.core) && next !== undefined && next.lead === "" && isContentWord(next.core) && !next.core.startsWith(w.core);
}

/** A wh-word, or a preposition and a wh-word ("in what"), opens at i. */
export function isWhStart(words: readonly WordView[], i: number): boolean {
  const w = words[i];
  if (w === undefined) return false;
  if (WH_WORDS.has(w.core)) return true;
  const next = words[i + 1];
  if (next === undefined) return false;
  if (PREPOSITIONS.has(w.core)) return WH_WORDS.has(next.core);
  // "as of what year", "according to whom": a preposition of two words.
  return COMPOUND_PREPOSITION_HEADS.has(w.core) && PREPOSITIONS.has(next.core) && WH_WORDS.has(words[i + 2]?.core ?? "");
}

/** First words of two-word prepositions ("as of", "according to", "because of", "due to", "prior to"). */
const COMPOUND_PREPOSITION_HEADS: ReadonlySet<string> = new Set(["as", "according", "because", "due", "prior", "apart", "instead", "owing", "thanks", "next", "close", "out", "up"]);

/** Set phrases said as an aside: "to be honest", "to be fair", "in fact", "for example". */
const ASIDES: readonly (readonly string[])[] = [
  ["to", "be", "honest"], ["to", "be", "fair"], ["to", "be", "clear"], ["to", "be", "frank"], ["to", "be", "sure"],
  ["in", "fact"], ["for", "example"], ["for", "instance"], ["of", "course"], ["in", "particular"],
];

/** An aside set off by a comma opens at words[k]: "to be honest,", "of course,". */
export function opensAside(words: readonly WordView[], k: number): boolean {
  return ASIDES.some((p) => p.every((core, j) => words[k + j]?.core === core && (j === p.length - 1 ? words[k + j]!.trail === "," : words[k + j]!.trail === "")));
}
