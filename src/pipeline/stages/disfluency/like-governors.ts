// What the word before "like" makes of it (rule `discourse_filler`, see like.ts): after a governor
// ("I like", "feel like", "things like", "staring like") it is a verb or a comparison; between a
// governor and a verb form it can be neither and hedges ("have like 400", "I'm like noticing", "we like
// went back", "used to like listen"). Also the words around "like" that like.ts and like-comparisons.ts
// both read: intensifiers and interjections.
import { BACKCHANNELS } from "./backchannels.js";
import { wordAt } from "./filler-span.js";
import { BE_FORMS, IRREGULAR_PAST, SUBJECT_CONTRACTIONS, SUBJECT_PRONOUNS, type WordView } from "./words.js";

/** Before "like" these make it a verb or a comparison: "I like", "feel like", "looks like", "things like". */
export const LIKE_GOVERNORS = new Set([
  ...BE_FORMS, ...SUBJECT_PRONOUNS, "feel", "feels", "felt", "feeling", "look", "looks", "looked", "looking",
  "sound", "sounds", "sounded", "seem", "seems", "seemed", "smell", "smells", "smelled", "taste", "tastes", "tasted", "don't", "didn't", "doesn't", "would", "i'd", "you'd",
  "we'd", "they'd", "he'd", "she'd", "to", "not", "things", "thing", "something", "anything", "nothing",
  "everything", "stuff", "more", "much", "exactly", "kind", "sort", "really", "also", "actually", "you'll",
  "gonna", "will", "would've", "people", "kinda", "pretty", "very", "most", "least", "likes", "who", "which", "what",
  "y'all", "lot", "also", "ones", "almost", "nearly", "quite", "less", "act", "acts", "acted", "acting", "behave", "behaves", "behaved",
  "behaving",
]);

/**
 * Forms of "have" and "get": "like" after one cannot be the verb ("they have like whole bunch of
 * episodes", "I had like three tiers"), it approximates or hedges what is had.
 */
const HAVE_OR_GET: ReadonlySet<string> = new Set(["have", "has", "had", "having", "got", "get", "gets"]);
/** A person's "be" before a progressive: "I'm like noticing", "we're like building", "I was like starving". */
const PERSON_BE: ReadonlySet<string> = new Set(["i'm", "we're", "you're", "they're", "he's", "she's"]);
const PROGRESSIVE = /^[a-z]{2,}ing$/;
const THING = /thing$/;
/** A verb's -ing or -ed form before "like": "staring like", "shaped like". */
export const VERB_FORM = /^[a-z]{3,}(?:ing|ed)$/;

/**
 * A bare "like" where the words either side leave it no verb or comparison to
 * be: after "have" ("have like 400") and between a person's "be" and a
 * progressive ("I'm like noticing", "I was like starving"; "it's like walking
 * on the moon" compares), between a subject and its past verb ("we like went"),
 * and between "to" and a verb that is seldom a noun ("used to like listen"; "to
 * like science" is the verb).
 */
export function hedgesAfterGovernor(words: readonly WordView[], i: number): boolean {
  const prev = wordAt(words, i - 1);
  const next = wordAt(words, i + 1);
  if (prev === undefined || next === undefined || prev.trail.length > 0 || words[i]!.trail.length > 0) return false;
  if (HAVE_OR_GET.has(prev.core)) return true;
  if (pastAfterSubject(words, i) || baseVerbAfterModal(prev, next) || progressiveAfterVerb(words, i)) return true;
  if (!PROGRESSIVE.test(next.core) || THING.test(next.core)) return false;
  const s = prev.core === "just" ? i - 2 : i - 1;
  const subject = wordAt(words, s);
  if (subject === undefined || subject.trail.length > 0) return false;
  if (PERSON_BE.has(subject.core)) return true;
  const before = wordAt(words, s - 1);
  return (subject.core === "was" || subject.core === "were") && before !== undefined && before.trail.length === 0 &&
    SUBJECT_PRONOUNS.has(before.core) && before.core !== "it";
}

/**
 * "when did you start like writing", "we grew up like hearing", "and just like eating together": before
 * an -ing form "like" compares only after a word that takes a comparison (a form of "be", "feel",
 * "look", "something"), and "just like" after one of those ("it's just like riding a bike").
 */
function progressiveAfterVerb(words: readonly WordView[], i: number): boolean {
  const next = words[i + 1]!;
  if (!PROGRESSIVE.test(next.core) || THING.test(next.core)) return false;
  const prev = words[i - 1]!;
  const governor = (w: WordView | undefined) => w !== undefined && (LIKE_GOVERNORS.has(w.core) || SUBJECT_CONTRACTIONS.has(w.core) || VERB_FORM.test(w.core));
  if (governor(prev)) return false;
  return prev.core !== "just" || (i >= 2 && words[i - 2]!.trail === "" && !governor(words[i - 2]));
}

const REGULAR_PAST = /^[a-z]{3,}(?:ed)$/;
/** After a past form these show it is the verb of the clause, not a modifier of a noun ("salted caramel"). */
const AFTER_VERB: ReadonlySet<string> = new Set([...SUBJECT_PRONOUNS, "me", "him", "her", "us", "them", "it", "back", "up", "out", "down", "off", "over", "away", "the", "a", "an", "that", "this", "to", "and", "so", "like"]);

/**
 * "I like crumbled, and", "you like pretended you didn't", "we like went back": between a subject and a
 * past form that is the clause's verb, "like" cannot be the verb; it hedges.
 */
function pastAfterSubject(words: readonly WordView[], i: number): boolean {
  const subject = wordAt(words, i - 1)!;
  const past = wordAt(words, i + 1)!;
  if (!SUBJECT_PRONOUNS.has(subject.core) && subject.core !== "who") return false;
  if (!(IRREGULAR_PAST.has(past.core) || (REGULAR_PAST.test(past.core) && !past.core.endsWith("eed")))) return false;
  const after = wordAt(words, i + 2);
  return past.trail.length > 0 || after === undefined || AFTER_VERB.has(after.core);
}

/**
 * Verbs that are seldom nouns: after "to like" or a modal's "like" one is the verb "to" opened, and "like"
 * hedges ("used to like listen", "going to like fill", "you can like hear"); "to like science", "to like
 * you" keep the verb.
 */
const BASE_VERBS: ReadonlySet<string> = new Set([
  "listen", "fill", "double", "try", "provide", "go", "get", "make", "take", "see", "come", "know", "think", "give", "find",
  "tell", "ask", "leave", "keep", "let", "begin", "bring", "happen", "write", "lose", "pay", "meet", "include", "continue",
  "learn", "understand", "follow", "create", "speak", "spend", "grow", "remember", "consider", "buy", "send", "build", "stay",
  "reach", "sell", "decide", "explain", "develop", "carry", "receive", "agree", "produce", "eat", "choose", "hear", "blend",
  "put", "pick", "throw", "grab", "say", "feel", "become", "read", "sleep", "sit", "figure", "prove", "pretend", "realize",
]);

/** Modals after which "like" before a verb hedges ("you can like hear"); "would like to" is the verb's. */
const MODALS: ReadonlySet<string> = new Set(["to", "can", "could", "should", "might", "must", "may", "will", "would", "can't", "couldn't", "won't", "wouldn't", "gonna"]);

function baseVerbAfterModal(prev: WordView, next: WordView): boolean {
  return MODALS.has(prev.core) && BASE_VERBS.has(next.core);
}

/** Adverbs that only intensify or grade what follows: "was like really", "I'm like so", "was like more serious". */
export const INTENSIFIERS: ReadonlySet<string> = new Set([
  "really", "so", "super", "totally", "very", "literally", "completely", "actually", "just", "kind", "sort", "pretty", "extremely", "absolutely",
  "more", "less", "still", "basically", "even", "always", "never",
]);

/** A listener's sounds, and the calls and exclamations a quotation opens with. */
export const INTERJECTIONS: ReadonlySet<string> = new Set([...BACKCHANNELS, "no", "well", "hey", "girl", "dude", "man", "look", "damn", "god", "golly", "please", "whatever"]);
