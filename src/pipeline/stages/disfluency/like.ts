// Rule `discourse_filler`, the word "like": a verb ("I like it"), a comparison
// ("looks like Rob", "things like that", "it's like a dream") or a quote's
// opener ("I was like, no way") stays; a hedge or an approximation goes ("so
// like we went", "have like 400", "I'm like noticing", "like if you tell me").
// The words on either side decide, and the pauses where the text marks them.
import type { Removal } from "./apply.js";
import { governedAt, HEDGE_OPENERS, KNOW_GOVERNORS, MEAN_GOVERNORS, phrase, wordAt } from "./filler-span.js";
import { afterNounPhrase, comparesObject, comparesWhatWasNamed, comparingPhrase, likeSaid, namesExample, OBJECTS, ownedEnds, pausedAfter, presentVerbAfterSubject, SAID } from "./like-comparisons.js";
import { hedgesAfterGovernor, INTENSIFIERS, INTERJECTIONS, LIKE_GOVERNORS, VERB_FORM } from "./like-governors.js";
import { ARTICLES, BE_FORMS, COORDINATORS, IRREGULAR_PARTICIPLES, isContentWord, isNumeric, opensPhrase, POSSESSIVE_DETERMINERS, PREPOSITIONS, SUBJECT_CONTRACTIONS, SUBJECT_ONLY_PRONOUNS, SUBJECT_PRONOUNS, type WordView } from "./words.js";

/** After "like": a verb object or fixed phrase ("like to", "like it", "like that."). */
const LIKE_OBJECTS = new Set(["to", "it", "them", "him", "her", "me", "us", "you", "this", "these", "those", "crazy", "mine", "yours", "hers", "ours", "theirs"]);
/** Prepositions after "be like" that carry on a comparison: "it's like to be", "was like of old", "is like about". */
const COMPARING: ReadonlySet<string> = new Set(["to", "of", "about"]);
/** Determiners before a bare "like" that then fills a noun phrase: "another like sketch show". */
const DETERMINERS = new Set(["a", "an", "the", "this", "whole", "another", "my", "your", "his", "our", "their", "some", "any"]);
/** Determiners and quantities after which a bare "like" approximates: "won like a house", "like 1891". */
const APPROXIMATED = new Set(["a", "an", "the", "some", "at", "every", "all", "half", "maybe", "almost"]);

/** Nouns the adjective "like" (alike) goes with: "in like manner", "of like mind". */
const LIKE_ADJECTIVE_NOUNS = new Set(["manner", "mind", "minds", "fashion", "kind", "measure", "sort"]);

/** "kind of like X": in the Rev16 dev non-verbatim transcripts the editors dropped that "like" 23 times out of 26. */
const HEDGED_LIKE_CONFIDENCE = 0.75;

/**
 * "kind of like the minimum", "sort of like drop in": after a hedge, "like"
 * hedges a second time and a reader loses nothing without it ("filler"). With
 * a subject before the hedge it is the verb ("I kind of like the idea": "verb").
 * "sort of like, oh" introduces a quote and is left to the other checks (null).
 */
function afterHedge(words: readonly WordView[], i: number): "filler" | "verb" | null {
  const of = wordAt(words, i - 1);
  const hedge = wordAt(words, i - 2);
  if (of?.core !== "of" || hedge === undefined || (hedge.core !== "kind" && hedge.core !== "sort")) return null;
  if (of.trail.length > 0 || hedge.trail.length > 0) return null;
  const subject = wordAt(words, i - 3);
  if (subject !== undefined && subject.trail.length === 0 && SUBJECT_PRONOUNS.has(subject.core)) return "verb";
  return words[i]!.trail.length === 0 ? "filler" : null;
}

export function likeFiller(words: readonly WordView[], i: number): Removal | null {
  const w = words[i]!;
  const prev = wordAt(words, i - 1);
  const next = wordAt(words, i + 1);
  // "and the like." and "the like of it" are the noun; "on a like for like basis" the adjective.
  if ((prev?.core === "the" && prev.trail.length === 0 && (w.trail.length > 0 || next === undefined || next.core === "of")) || likeForLike(words, i)) return null;
  // "places like the unconventionals", "categories like baking": after a plural noun "like" is "such as".
  if (prev !== undefined && prev.trail.length === 0 && w.trail.length === 0 && pluralNoun(prev.core)) return null;
  if (hedgesAfterGovernor(words, i)) return phrase(words, i, 1, 0.6);
  // ", like," is set off whatever precedes it; bare "was like" is a quote, "feel like" a verb.
  const setOff = prev !== undefined && prev.trail === "," && w.trail === ",";
  // "I was like really shaken", "I'm like so tired", "she was like in the first season": after a form
  // of "be", a "like" that only precedes an intensifier or a place or time phrase compares nothing and
  // quotes nothing (the Rev16 dev editors dropped all three before "in"/"from").
  if (prev !== undefined && prev.trail.length === 0 && w.trail.length === 0 && BE_FORMS.has(prev.core) && next !== undefined &&
    (INTENSIFIERS.has(next.core) || (PREPOSITIONS.has(next.core) && !COMPARING.has(next.core)))) return phrase(words, i, 1, 0.6);
  // "it's like, really hard": set off before an intensifier that grades a word, not quoting ("I was like, really?",
  // "I'm like, Just shut up", "she's like, just hardcore").
  if (prev !== undefined && prev.trail.length === 0 && w.trail === "," && BE_FORMS.has(prev.core) && next !== undefined && next.trail.length === 0 &&
    !next.capitalised && next.core !== "just" && INTENSIFIERS.has(next.core) && isContentWord(words[i + 2]?.core ?? "")) return phrase(words, i, 1, 0.6);
  if (beforeAdverb(words, i) || beforeAgreement(words, i)) return phrase(words, i, 1, 0.6);
  // A governor only binds across no pause: "new names and things. Like, a mess" is a filler.
  if (prev !== undefined && !setOff && prev.trail.length === 0 && LIKE_GOVERNORS.has(prev.core)) return null;
  // "it scans like a verse", "she sings like an angel": after a subject's present verb "like" compares.
  if (prev !== undefined && !setOff && prev.trail.length === 0 && w.trail.length === 0 && presentVerbAfterSubject(words, i - 1)) return null;
  // "it's just like an exfoliant": "just like" after "be" or a verb that compares.
  if (prev !== undefined && prev.core === "just" && prev.trail.length === 0 && w.trail.length === 0 && i >= 2 && words[i - 2]!.trail.length === 0 &&
    (LIKE_GOVERNORS.has(words[i - 2]!.core) || SUBJECT_CONTRACTIONS.has(words[i - 2]!.core))) return null;
  // After a verb's -ing or -ed form "like" compares: "staring like an idiot", "shaped like a grenade".
  if (prev !== undefined && !setOff && prev.trail.length === 0 && (VERB_FORM.test(prev.core) || IRREGULAR_PARTICIPLES.has(prev.core)) && w.trail.length === 0) return null;
  // "all the time like the system is not set up": a clause follows, with a determined subject and its
  // verb; after a noun no comparison takes a clause, so "like" fills.
  // After "and" a possessive's phrase may be a comparison set before the verb ("and like his brother did not believe").
  if (prev !== undefined && !setOff && prev.trail.length === 0 && w.trail.length === 0 && determinedClauseAfter(words, i) && !SUBJECT_CONTRACTIONS.has(prev.core) &&
    !(COORDINATORS.has(prev.core) && POSSESSIVE_DETERMINERS.has(words[i + 1]!.core))) {
    return phrase(words, i, 1, 0.6);
  }
  // "a body like the widow", "the man like him": after a noun its determiner opened, "like" compares.
  if (prev !== undefined && w.trail.length === 0 && afterNounPhrase(words, i)) return null;
  if (next !== undefined && w.trail.length === 0) {
    if (LIKE_OBJECTS.has(next.core)) return null;
    if (next.core === "that" && (next.trail.length > 0 || i + 2 === words.length)) return null;
    if (likeSaid(words, i)) return null;
  }
  if (afterDiscourseWord(words, i)) return phrase(words, i, 1, 0.6);
  const hedged = afterHedge(words, i);
  if (hedged === "verb") return null;
  if (hedged === "filler" && next !== undefined) return phrase(words, i, 1, HEDGED_LIKE_CONFIDENCE);
  const opens = opensPhrase(words, i);
  if (comparingPhrase(words, i)) return null;
  if (w.trail === "-") return phrase(words, i, 1, 0.75);
  if (w.trail === "," && (opens || setOff)) return phrase(words, i, 1, 0.85);
  // "but like, the dude", "from like, 2009": after a conjunction or a preposition a "like," set off
  // after it hedges what follows; before a quote ("to the effect of like, this is", "sort of like, oh")
  // it introduces it.
  if (w.trail === "," && prev !== undefined && prev.trail === "" && next !== undefined && !quoteOpens(next) &&
    (HEDGE_OPENERS.has(prev.core) || (PREPOSITIONS.has(prev.core) && prev.core !== "to" && prev.core !== "of"))) {
    return phrase(words, i, 1, 0.7);
  }
  if (w.trail.length > 0) return null;
  if (next === undefined) return null;
  // "Just like the development of body ideals", "podcasts running, like Wannabe": "just like" opening a
  // sentence compares, and after a comma "like" before a name gives an example of what was said.
  if (prev !== undefined && prev.core === "just" && prev.trail === "" && (i === 1 || words[i - 2]!.endsSentence)) return null;
  if (prev !== undefined && (prev.trail === "," || prev.trail === ";") && namesExample(words, i + 1)) return null;
  if (comparesWhatWasNamed(words, i)) return null;
  // "and like his brother James, did not believe", "low, like your dad's.", "and, like his brother,
  // James": a bare "like" before a possessive compares a person, or what a person has.
  if (POSSESSIVE_DETERMINERS.has(next.core) && (!opens || ownedEnds(words, i + 2) || pausedAfter(words, i + 2))) return null;
  if (opens) return phrase(words, i, 1, 0.7);
  // "curled over like a breaking wave", "out like a light": after a verb's particle "like" compares.
  if (prev !== undefined && prev.trail === "" && PARTICLES.has(prev.core) && ARTICLES.has(next.core)) return null;
  if (prev !== undefined && (HEDGE_OPENERS.has(prev.core) || DETERMINERS.has(prev.core))) return phrase(words, i, 1, 0.7);
  // "periods of like really weird restriction", "a scene from like Halloween": a preposition
  // takes no verb, so "like" after one fills ("in like manner" is the old adjective).
  if (prev !== undefined && prev.trail.length === 0 && PREPOSITIONS.has(prev.core) && prev.core !== "to" && !LIKE_ADJECTIVE_NOUNS.has(next.core)) {
    return phrase(words, i, 1, 0.7);
  }
  if (comparesObject(words, i)) return null;
  if (APPROXIMATED.has(next.core) || isNumeric(next.core)) return phrase(words, i, 1, 0.6);
  // "like if you tell me", "like why can't you", "figure out like how to": no comparison takes a clause
  // opened by a subordinator or a wh-word after a word that governs none ("it's like when" compares);
  // after a noun "like how" gives examples ("expressions of friendship like how we listen").
  if (CLAUSE_OPENERS.has(next.core) || (EXAMPLE_OPENERS.has(next.core) && prev !== undefined && !isContentWord(prev.core))) {
    return phrase(words, i, 1, 0.6);
  }
  if (opensClauseAfter(words, i)) return phrase(words, i, 1, 0.6);
  return null;
}

/** Intensifiers and adverbs of degree or manner a comparison's "like" does not take: "like super", "like critically". */
/**
 * Intensifiers after which "like" may still compare: adjectives too ("like pretty girls", "like still
 * water"), a comparison's own words ("like never before", "like more of a"), a limit ("like just a scratch").
 */
const NOT_HEDGED: ReadonlySet<string> = new Set(["pretty", "still", "never", "always", "more", "less", "just"]);
const HEDGED_ADVERBS: ReadonlySet<string> = new Set([...INTENSIFIERS].filter((w) => !NOT_HEDGED.has(w)));
const LY_ADVERB = /^[a-z]{4,}ly$/;
/** Words in -ly that are adjectives or nouns: "like early days", "like family", "like only children". */
const NOT_LY_ADVERBS: ReadonlySet<string> = new Set([
  "only", "early", "likely", "family", "friendly", "lovely", "ugly", "holy", "silly", "lonely", "costly", "elderly", "weekly", "monthly",
  "yearly", "daily", "jolly", "belly", "bully", "rally", "supply", "apply", "reply", "italy", "july", "lily", "deadly", "orderly", "curly",
  "wily", "burly", "hilly", "chilly", "surly", "scaly", "oily", "woolly", "smelly", "bubbly", "wobbly", "prickly", "assembly", "anomaly", "homily",
]);
/**
 * Words after which "like" before an adverb is the verb ("I like really good food", "would like very
 * much"), "I feel like" ("feel like so much of that"), what a thing looks like ("could look like, sure,
 * probably"), or an example's "such as" ("things like really big trucks").
 */
const LIKE_BEFORE_ADVERB: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, "feel", "feels", "felt", "feeling", "look", "looks", "looked", "looking", "don't", "didn't", "doesn't", "would", "i'd", "you'd", "we'd", "they'd", "he'd",
  "she'd", "to", "will", "you'll", "gonna", "would've", "who", "which", "what", "y'all", "likes", "the", "a", "things", "thing", "something",
  "anything", "nothing", "everything", "stuff", "people", "ones", "lot", "more", "much", "just", "kind", "sort",
]);

/**
 * "it was like super easy", "analyzing like critically unpacking", "doesn't seem like very human", "is
 * like usually the third": before an intensifier or an adverb a comparison has nothing to compare with
 * and no quote opens; "like" hedges. The adverb must lead on to a word of its own ("like so." ends a
 * comparison: "do it like so").
 */
function beforeAdverb(words: readonly WordView[], i: number): boolean {
  const prev = wordAt(words, i - 1);
  const next = wordAt(words, i + 1);
  if (prev === undefined || next === undefined || prev.trail.length > 0 || words[i]!.trail.length > 0 || next.trail.length > 0 || wordAt(words, i + 2) === undefined) return false;
  if (!(HEDGED_ADVERBS.has(next.core) || (LY_ADVERB.test(next.core) && !NOT_LY_ADVERBS.has(next.core)))) return false;
  return !LIKE_BEFORE_ADVERB.has(prev.core) && !pluralNoun(prev.core);
}

/** Words after which "like yeah" opens a quote: "I'm like yeah", "she was like yes", "I feel like yeah", "he goes like yeah". */
const QUOTE_OPENERS: ReadonlySet<string> = new Set([...BE_FORMS, ...SUBJECT_CONTRACTIONS, ...SUBJECT_PRONOUNS, "feel", "feels", "felt", "go", "goes", "went", "all", "just"]);
/** Words that answer or agree: "like" before one neither compares nor hedges a phrase. */
const AGREEMENTS: ReadonlySet<string> = new Set(["yeah", "yes", "yep", "right"]);

/**
 * "the system is set up for us to fail like yes", "you know what i'm saying like yeah", "turn the game off
 * like right that's so …": unpunctuated, a "like" before an agreement that closes the segment or leads
 * into a new clause fills, unless a form of "be" or "feel" makes it a quote's opener ("I'm like yeah").
 */
function beforeAgreement(words: readonly WordView[], i: number): boolean {
  const prev = wordAt(words, i - 1);
  const next = wordAt(words, i + 1);
  if (prev === undefined || next === undefined || prev.trail.length > 0 || words[i]!.trail.length > 0 || !AGREEMENTS.has(next.core)) return false;
  if (QUOTE_OPENERS.has(prev.core)) return false;
  const after = wordAt(words, i + 2);
  // "like right now", "like right there": "right" before an adverb is no agreement.
  return after === undefined || next.trail.length > 0 || next.core !== "right" || CLAUSE_SUBJECTS.has(after.core);
}

/** Acknowledgements that end what they answer: "like" after one can neither compare nor be a verb. */
const ACKNOWLEDGEMENTS: ReadonlySet<string> = new Set(["yeah", "yes", "yep", "right", "okay", "ok", "mm-hmm", "uh-huh", "oh"]);

/**
 * "yeah like I actually respect", "right like she's just good", "I mean like just", "you know like
 * it's right": unpunctuated, after an acknowledgement or a discourse phrase "like" opens the next
 * thought and fills, as the comma would show in a punctuated transcript.
 */
function afterDiscourseWord(words: readonly WordView[], i: number): boolean {
  const prev = wordAt(words, i - 1);
  if (prev === undefined || prev.trail.length > 0 || words[i]!.trail.length > 0 || wordAt(words, i + 1) === undefined) return false;
  if (ACKNOWLEDGEMENTS.has(prev.core)) return true;
  const before = wordAt(words, i - 2);
  return before !== undefined && before.trail.length === 0 &&
    // "what I mean like", "do you know like": the verb of a clause or a question, as discourse.ts reads it.
    ((prev.core === "mean" && before.core === "i" && !governedAt(words, i - 3, MEAN_GOVERNORS)) ||
      (prev.core === "know" && before.core === "you" && !governedAt(words, i - 3, KNOW_GOVERNORS)));
}

/** A subject that can only open a clause, or a subject with its verb in one word. */
const CLAUSE_SUBJECTS: ReadonlySet<string> = new Set([
  ...SUBJECT_ONLY_PRONOUNS, ...SUBJECT_CONTRACTIONS,
  "i've", "we've", "they've", "you've", "i'll", "we'll", "they'll", "you'll", "i'd", "we'd", "they'd", "you'd",
]);
/**
 * Words after which "like" + clause compares: verbs of manner ("act like they own the place", "do it like
 * we did", "pretend like I belong") and a negated "be" ("it wasn't like I moved back").
 */
const MANNER_VERBS: ReadonlySet<string> = new Set([
  "act", "acts", "behave", "behaves", "talk", "talks", "talked", "dress", "dresses", "treat", "treats", "do", "does", "did", "done",
  "live", "lives", "work", "works", "write", "writes", "walk", "walks", "play", "plays", "run", "runs",
  "pretend", "pretends", "isn't", "wasn't", "aren't", "weren't", "ain't",
]);
/** A clause that only restates a verb ("like we did", "like they used to", "like I always say") is compared with. */
const RESTATING_VERBS: ReadonlySet<string> = new Set(["do", "does", "did", "used", "always", "usually", "normally", "typically"]);

/**
 * "I'll never hunt again like I won't", "from his bosses like they were pissed", "out here like we're all
 * friends": a bare "like" that opens a clause of its own after a word that governs no comparison
 * (a form of "be", "feel", "look", "seem", "just", a verb of manner or of saying, an object) joins nothing; it fills.
 */
function opensClauseAfter(words: readonly WordView[], i: number): boolean {
  const prev = wordAt(words, i - 1);
  const next = wordAt(words, i + 1);
  if (prev === undefined || next === undefined || prev.trail.length > 0 || words[i]!.trail.length > 0) return false;
  if (!CLAUSE_SUBJECTS.has(next.core) || RESTATING_VERBS.has(wordAt(words, i + 2)?.core ?? "")) return false;
  return !(LIKE_GOVERNORS.has(prev.core) || SUBJECT_CONTRACTIONS.has(prev.core) || OBJECTS.has(prev.core) || MANNER_VERBS.has(prev.core) || SAID.has(prev.core) ||
    prev.core === "just" || VERB_FORM.test(prev.core) || IRREGULAR_PARTICIPLES.has(prev.core));
}

/** Words that open a clause "like" cannot compare with or give as an example. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(["if", "why", "because"]);
/** Wh-words that open a clause a noun's "like" may give as an example ("ways like how we listen"). */
const EXAMPLE_OPENERS: ReadonlySet<string> = new Set(["how", "when", "where"]);
/** Particles that finish a verb ("curled over", "went out"): a comparison may follow. */
const PARTICLES: ReadonlySet<string> = new Set(["over", "up", "down", "out", "off", "around", "back", "away", "through"]);

/** A word that opens a quotation: an interjection, or a capital that is no "I". */
function quoteOpens(w: WordView): boolean {
  return INTERJECTIONS.has(w.core) || (w.capitalised && w.core !== "i");
}

/** "like for like", either "like" of it. */
function likeForLike(words: readonly WordView[], i: number): boolean {
  return (wordAt(words, i + 1)?.core === "for" && wordAt(words, i + 2)?.core === "like") ||
    (wordAt(words, i - 1)?.core === "for" && wordAt(words, i - 2)?.core === "like");
}

/** Plural nouns in -s, told from the words in -s that are no plural noun ("is", "always", "this") or a verb after its subject. */
const PLURAL = /^[a-z]{3,}[^su']s$/;
const NOT_PLURAL: ReadonlySet<string> = new Set(["always", "perhaps", "sometimes", "maybe", "besides", "towards", "afterwards", "whereas", "yes", "guys"]);
function pluralNoun(core: string): boolean {
  return PLURAL.test(core) && !NOT_PLURAL.has(core) && isContentWord(core);
}

/** Determiners that open a clause's subject after "like": "like the system is", "like my mom was". */
const SUBJECT_DETERMINERS: ReadonlySet<string> = new Set(["the", "this", "my", "your", "his", "her", "our", "their"]);
/** Finite verbs a subject's clause goes on with right after its noun. */
const FINITE_AFTER_SUBJECT: ReadonlySet<string> = new Set([
  "is", "was", "are", "were", "has", "had", "does", "did", "can", "could", "will", "would", "should", "isn't", "wasn't", "aren't", "weren't",
  "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't", "don't", "hasn't", "haven't",
]);

/** A clause opens after words[i]: a determiner, one content word, then a finite verb, unbroken ("like the system is not"). */
function determinedClauseAfter(words: readonly WordView[], i: number): boolean {
  const det = wordAt(words, i + 1);
  const noun = wordAt(words, i + 2);
  const verb = wordAt(words, i + 3);
  return det !== undefined && noun !== undefined && verb !== undefined && det.trail === "" && noun.trail === "" && SUBJECT_DETERMINERS.has(det.core) &&
    isContentWord(noun.core) && FINITE_AFTER_SUBJECT.has(verb.core);
}
