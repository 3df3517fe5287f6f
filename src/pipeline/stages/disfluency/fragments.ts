// Rule `self_repair`, broken-off clause fragments: a clause begun with closed-class
// words only, cut off at a pause, then started afresh ("they're, it's like
// watching", "these were… we had", "there was this, it was so funny", "I have a,
// um, I'm from Butte"). The fragment holds no content word, so nothing said is
// lost; it ends on a word no clause can end on ("it's,", "we were,", "a,"), and
// the next word opens a new clause. A fragment with a content word in it ("The
// problem is, we") is a clause of its own and stays.
//
// Two more shapes carry content words but are restarts all the same: the restart
// repeats the subject with the verb in another form ("I want, I wanted"), or says
// the fragment's opening words again and goes on differently ("when I was told,
// when I was given"). The later wording is the one the speaker settled on.
import type { Removal } from "./apply.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { BE_FORMS, closesWholeClause, contractionBase, isContentWord, isNegation, PERSONAL_OBJECTS, PREPOSITIONS, sameBase, QUESTION_OPENERS, SUBJECT_CONTRACTIONS, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

/** Pause marks after which a restart is heard; a hyphen cut-off is repairs.ts's. */
const PAUSES: ReadonlySet<string> = new Set([",", "\u2026", "...", "\u2014"]);
const CONJUNCTIONS: ReadonlySet<string> = new Set(["and", "but", "so", "or", "then", "'cause", "cause"]);
const PRONOUN_AUX: ReadonlySet<string> = new Set([
  "i'm", "i've", "i'll", "i'd", "we've", "we'll", "we'd", "you've", "you'll", "you'd", "they've", "they'll", "they'd",
  "he'll", "she'll", "it'll", "that'll", "there's", "there're",
]);
/** Closed-class words a clause fragment may consist of. */
const FRAGMENT_WORDS: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, ...BE_FORMS, ...QUESTION_OPENERS, ...PRONOUN_AUX, ...CONJUNCTIONS, "what", "how", "why",
  "can", "can't", "don't", "didn't", "doesn't", "won't", "wouldn't", "couldn't", "shouldn't", "isn't", "wasn't", "aren't",
  "weren't", "might", "must", "gonna", "got", "not", "just", "really", "also", "already", "even", "still", "all",
  "there", "this", "that", "these", "those", "the", "a", "an", "my", "your", "his", "her", "our", "their", "its", "some",
  "me", "him", "us", "them", "kind", "sort", "of", "to", "like", ...PREPOSITIONS,
]);
/** Subordinators open a clause that the next one completes ("if you can, we will"): never a fragment. */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  "if", "when", "because", "as", "since", "while", "although", "though", "unless", "whether", "once", "until", "before", "after", "where",
]);
/** Words that open a new clause after the break. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, ...PRONOUN_AUX, ...WH_WORDS, "there", "it's", "that's", "this", "these", "those", "you're", "we're",
  "they're", "he's", "she's", "let's",
]);
/** "It's, I think, fine", "it is, you know, fine": the clause after the break is an aside, not a restart. */
const ASIDE_VERBS: ReadonlySet<string> = new Set([
  "think", "guess", "mean", "know", "see", "believe", "suppose", "feel", "hope", "say", "said", "reckon", "hear", "heard", "bet", "swear", "admit",
]);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(["me", "him", "us", "them"]);
/** After these "like" is the verb ("I like that,", "we don't like this,"): a clause said whole. */
const LIKE_AS_VERB_AFTER: ReadonlySet<string> = new Set(["i", "you", "we", "they", "don't", "didn't", "do", "would", "wouldn't"]);
const MAX_FRAGMENT = 4;
const FRAGMENT_CONFIDENCE = 0.6;
const REFORMED_CONFIDENCE = 0.6;

/** First index of the phrase ending at `k` (walking back over unpunctuated words), bounded. */
function phraseStart(words: readonly WordView[], k: number): number {
  let s = k;
  while (s > 0 && k - s < MAX_FRAGMENT && words[s - 1]!.trail.length === 0 && !words[s - 1]!.endsSentence) s--;
  return s;
}

/** The phrase [s, k] begins at a boundary: the segment start or a pause mark before it. */
function atBoundary(words: readonly WordView[], s: number): boolean {
  return s === 0 || words[s - 1]!.trail.length > 0;
}

/** Another form of the same word: "want"/"wanted", "believing"/"believe", "use"/"used". */
function sameStem(a: string, b: string): boolean {
  if (a === b) return false;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 3 && n >= Math.min(a.length, b.length) - 3 && n >= Math.min(4, Math.min(a.length, b.length));
}

function isAside(words: readonly WordView[], b: number): boolean {
  const verb = words[b + 1];
  return verb !== undefined && (ASIDE_VERBS.has(verb.core) || (words[b]!.core === "you" && verb.core === "see"));
}

/** A fragment of closed-class words only, at [s, k], followed by a new clause at b. */
function closedFragment(words: readonly WordView[], s: number, k: number, b: number): boolean {
  const first = words[s]!;
  const last = words[k]!;
  // "for him, he wants" fronts a phrase; "it's not me, it's" ends complete.
  if (SUBORDINATORS.has(first.core) || PREPOSITIONS.has(first.core) || last.core === "like" || OBJECT_PRONOUNS.has(last.core)) return false;
  // "I did it, it's fun", "That's it, we're done": the clause is whole; so is one that denies what it
  // points at ("It's not this, it's that").
  if (closesWholeClause(words, k) || (DENIED.has(last.core) && words.slice(s, k).some((w) => isNegation(w.core)))) return false;
  let substantive = 0;
  for (let i = s; i <= k; i++) {
    const c = words[i]!.core;
    if (!FRAGMENT_WORDS.has(c)) return false;
    if (c === "like" && i > s && LIKE_AS_VERB_AFTER.has(words[i - 1]!.core)) return false;
    if (!CONJUNCTIONS.has(c)) substantive++;
  }
  // One word alone is abandoned.ts's ("I,", "the,") or a fronted topic ("but this, we
  // can't allow"), unless it is subject and verb in one ("and we're, as we're").
  if (substantive < 2 && !(substantive === 1 && (PRONOUN_AUX.has(last.core) || BE_FORMS.has(last.core)))) return false;
  // "that is," glosses ("that is, we agree").
  if (k - s === 1 && first.core === "that" && last.core === "is") return false;
  const next = words[b]!;
  return (CLAUSE_OPENERS.has(next.core) || sameBase(next.core, words[s + (CONJUNCTIONS.has(first.core) ? 1 : 0)]!.core)) && !isAside(words, b);
}

/** "I want, I wanted": subject repeated, the verb said again in another form within three words. */
function reformedVerb(words: readonly WordView[], s: number, k: number, b: number): boolean {
  if (k - s !== 1 || !SUBJECT_PRONOUNS.has(words[s]!.core) || !sameBase(words[b]!.core, words[s]!.core)) return false;
  const verb = words[k]!.core;
  for (let j = b + 1; j <= b + 3 && j < words.length; j++) if (sameStem(verb, words[j]!.core)) return true;
  return false;
}

/**
 * "when I was told, when I was given", "it was just, it was a thing": the restart
 * says the fragment's opening words again (a subject among them) and goes on
 * differently from its last word. The repair must run on past the fragment's
 * length, so a parallel pair ("I came, I saw") is not taken for a restart.
 */
function restatedOpening(words: readonly WordView[], s: number, k: number, b: number): boolean {
  const shared = k - s;
  if (shared < 2 || b + shared + 1 >= words.length) return false;
  let subject = false;
  for (let j = 0; j < shared; j++) {
    const w = words[s + j]!;
    const again = words[b + j]!;
    if (!sameBase(w.core, again.core) || again.trail.length > 0) return false;
    subject ||= SUBJECT_PRONOUNS.has(contractionBase(w.core));
  }
  const replaced = words[b + shared]!;
  if (listedItems(words, s, k, b, shared)) return false;
  // "It's not this, it's that": what is denied, then what is said instead; both stand.
  if (words.slice(s, k + 1).some((w) => isNegation(w.core)) && !words.slice(b, b + shared + 1).some((w) => isNegation(w.core))) return false;
  return subject && replaced.core !== words[k]!.core && replaced.trail.length === 0 && words[b + shared + 1]!.core !== "";
}

/** What a negated clause may end on, pointed at and denied: "it's not this,", "I didn't do that,". */
const DENIED: ReadonlySet<string> = new Set([...PERSONAL_OBJECTS, "this", "that", "it"]);

/**
 * "whether it's Delta, whether it's Hilton, whether it's British Airways", "they are inspirational, they are
 * hopeful, they are positive": the opening said before each item of a list, not a restart. Items close on a
 * content word at the same pause, or the opening was said before the fragment too.
 */
function listedItems(words: readonly WordView[], s: number, k: number, b: number, shared: number): boolean {
  // An item ends on what it names ("Delta,"); "I think that, I think it's," breaks off on function words.
  if (!isContentWord(words[k]!.core)) return false;
  const itemLength = k - s + 1;
  const closesAlike = b + itemLength - 1 < words.length && words[b + itemLength - 1]!.trail === words[k]!.trail;
  // An item as long as this one before it, opened alike ("whether it's Delta," before "whether it's Hilton,").
  const before = s - itemLength;
  let saidBefore = before >= 0 && words[s - 1]!.trail === words[k]!.trail;
  for (let j = 0; j < shared && saidBefore; j++) saidBefore = words[before + j]!.core === words[s + j]!.core;
  return closesAlike || saidBefore;
}

/** Auxiliaries and modals: a restart may swap one for another ("i can't i won't", "we didn't we aren't"). */
const AUXILIARIES: ReadonlySet<string> = new Set([
  ...QUESTION_OPENERS, "am", "might", "must", "don't", "didn't", "doesn't", "haven't", "hasn't", "hadn't", "can't", "couldn't", "won't",
  "wouldn't", "shouldn't", "wasn't", "weren't", "aren't", "isn't",
]);
/** "Do" standing for a verb said before: the clause is whole with it. */
const PRO_VERBS: ReadonlySet<string> = new Set(["do", "does", "did"]);
/** Adverbs that wait for the verb after them: a subject again after one broke the clause off ("i never i was late"). */
const WAITING_ADVERBS: ReadonlySet<string> = new Set([
  "never", "just", "really", "actually", "maybe", "also", "always", "usually", "normally", "probably", "definitely", "still",
  "kind", "sort", "kinda", "even", "only", "already",
]);
/** Subjects a raw restart repeats: "so i want i wanted", "we didn't we aren't"; "it" and "you" are objects too ("I made it it works"). */
const RESTART_SUBJECTS: ReadonlySet<string> = new Set(["i", "we", "they", "he", "she"]);
/**
 * A subject with its verb, said again after one word that cannot finish its clause: "it's i it's beautiful",
 * "that's the that's what I meant". "it's not me it's the team" and "it's like it's raining" are whole.
 */
const UNFINISHED_AFTER_CONTRACTION: ReadonlySet<string> = new Set([
  "i", "we", "they", "he", "she", "a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "kind", "sort", "kinda",
  "so", "very", "really", "just", "um", "uh",
]);
/** Before the first subject these make its clause a subordinate one the second completes ("as he prayed he wept", "what I do I do well"). */
const OPENS_SUBORDINATE: ReadonlySet<string> = new Set([...SUBORDINATORS, ...WH_WORDS, "that", "more", "the"]);

/**
 * Raw ASR, where no pause shows a restart: a subject and the word it broke off after, then the same subject
 * again ("i never i was late", "we didn't we aren't even certain", "so i want i wanted"). A lexical verb
 * there as often opens a clause of its own ("I came, I saw", "as he prayed he wept") unless it is said
 * again in another form; an aside after the second subject ("I was, I think, right") is no restart.
 */
function rawRestartedSubject(words: readonly WordView[], k: number): boolean {
  const subject = words[k]!;
  const said = words[k + 1];
  const again = words[k + 2];
  const after = words[k + 3];
  if (said === undefined || again === undefined || after === undefined || again.core !== subject.core) return false;
  if (SUBJECT_CONTRACTIONS.has(subject.core)) return UNFINISHED_AFTER_CONTRACTION.has(said.core);
  if (!RESTART_SUBJECTS.has(subject.core)) return false;
  const before = words[k - 1];
  if (before !== undefined && OPENS_SUBORDINATE.has(before.core)) return false;
  if (ASIDE_VERBS.has(after.core)) return false;
  // An auxiliary alone may be a whole answer ("yes I did, I went"), so a restart's needs another after it.
  // "Do" in place of a verb ends its clause ("something I do, I always sign out", "yes I did, I kind of remember").
  return WAITING_ADVERBS.has(said.core) || sameStem(said.core, after.core) ||
    (AUXILIARIES.has(said.core) && (AUXILIARIES.has(after.core) || (WAITING_ADVERBS.has(after.core) && !PRO_VERBS.has(said.core))));
}

export function findFragments(words: readonly WordView[], o: DisfluencyOptions, raw = false): Removal[] {
  const found: Removal[] = [];
  if (raw) {
    for (let k = 0; k + 2 < words.length; k++) {
      if (rawRestartedSubject(words, k)) found.push({ start: k, end: k + 2, rule: "self_repair", confidence: REFORMED_CONFIDENCE });
    }
  }
  for (let k = 0; k + 1 < words.length; k++) {
    const w = words[k]!;
    if (!PAUSES.has(w.trail) || isFiller(w, o)) continue;
    const s = phraseStart(words, k);
    if (!atBoundary(words, s)) continue;
    // "and we're, as we're": a restart may follow a filler after the pause.
    let b = k + 1;
    while (b < words.length && isFiller(words[b]!, o)) b++;
    if (b >= words.length) continue;
    // "So it's, it's still building": the conjunction joins the restart and stays.
    const from = CONJUNCTIONS.has(words[s]!.core) && s < k ? s + 1 : s;
    if (closedFragment(words, s, k, b)) found.push({ start: from, end: k + 1, rule: "self_repair", confidence: FRAGMENT_CONFIDENCE });
    else if (reformedVerb(words, from, k, b) || restatedOpening(words, from, k, b)) {
      found.push({ start: from, end: k + 1, rule: "self_repair", confidence: REFORMED_CONFIDENCE });
    }
  }
  return found;
}
