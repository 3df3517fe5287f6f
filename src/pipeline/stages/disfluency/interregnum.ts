// The editing term of a self-repair (rule `self_repair`, see repairs.ts): the
// run of cue words between what was said and what replaces it. Explicit phrases
// ("I mean", "scratch that", "or rather") and words ("sorry", "actually") make a
// correction likely on their own; "no" only where it is not a determiner ("there
// is no way"), and hesitations ("uh", "or") only with evidence from the words
// around them (repairs.ts weighs it). Content readings ("I'm sorry", "would
// rather", "wait for") are excluded here. Profiles for typed text
// (`typed_corrections`) read more phrases as corrections. The cue words themselves are in cue-lexicon.ts,
// and cue-phrases.ts finds them in a sentence and tells their content readings.
import { CONTENT_AFTER, CONTENT_PRONE, STRONG_WORDS, WEAK_WORDS } from "./cue-lexicon.js";
import { COMPARED_AFTER_BETTER, CONTINUATION_INDEX, DISOWNING_INDEX, indexedPhraseAt, isContent, STRONG_INDEX, typedPhraseAt } from "./cue-phrases.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { restatedWithSubject, verbWithPrepositionAgain } from "./verb-phrases.js";
import { ARTICLES, FUNCTION_WORDS, isAuxiliaryOrModal, isPastForm, isContentWord, isHesitation, isWhStart, OTHER_MODALS, PREPOSITIONS, QUESTION_OPENERS, type WordView } from "./words.js";

export interface Interregnum {
  start: number;
  end: number;
  strong: boolean;
  /** Just "no" (or "rather", "wait", "instead"), unpunctuated: "requires no qualifications" is content unless a repair shows. */
  bare: boolean;
  /** The cue is a lone adverb ("rather"): only a like-for-like one-word repair counts. */
  bareAdverb: boolean;
  /** Only hesitation sounds (and "or"): evidence for a repair must come from the words around it. */
  hesitationOnly: boolean;
  /** "or … rather": a correction only where the repair restarts from a word said before ("the Nice Treaty or the Lisbon Treaty rather"). */
  needsEcho: boolean;
}

/** The run of cue words starting at i, or null when it is not a correction cue. */
export function readInterregnum(words: readonly WordView[], i: number, o: DisfluencyOptions): Interregnum | null {
  if (fixedOrNo(words, i)) return null;
  let k = i;
  let strong = false;
  let cues = 0;
  let onlyOr = true;
  let noCount = 0;
  let bareAdverb = false;
  let hesitationOnly = true;
  for (;;) {
    if (k >= words.length || (k > i && words[k - 1]!.endsSentence)) break;
    // "colony, no no , the original": a mark written apart from the words belongs to the cue it follows.
    if (cues > 0 && !hesitationOnly && words[k]!.core === "" && !words[k]!.endsSentence) { k++; continue; }
    const p = indexedPhraseAt(words, k, STRONG_INDEX) ?? (o.typedCorrections ? typedPhraseAt(words, k) : undefined) ??
      (cues > 0 ? indexedPhraseAt(words, k, CONTINUATION_INDEX) : undefined) ??
      (cues > 0 && !hesitationOnly ? indexedPhraseAt(words, k, DISOWNING_INDEX) : undefined);
    if (p !== undefined && !(cues === 0 && verbPhraseAt(words, k, p))) { strong = true; cues++; k += p.length; onlyOr = hesitationOnly = false; continue; }
    const disowned = cues > 0 && !hesitationOnly ? disowningWordsBefore(words, i, k) : 0;
    if (disowned > 0) { strong = true; cues++; k += disowned; onlyOr = hesitationOnly = false; continue; }
    const aside = cues > 0 && !hesitationOnly ? asideBeforeCue(words, i, k) : 0;
    if (aside > 0) { cues++; k += aside; continue; }
    const w = words[k]!;
    // "or better first what type of soil": after an explicit cue, "first" before a question puts it before the rest;
    // "or instead like how long may": a hedging "like" there opens nothing of its own; "no wait not what is
    // unknown": "not" disowns the question abandoned.
    if (cues > 0 && !hesitationOnly && (w.core === "first" || w.core === "like" || w.core === "not") && w.trail === "" && isWhStart(words, k + 1)) { cues++; k++; continue; }
    // "products no sorry that dealt with", "to what or no sorry to who": run on from an explicit cue
    // without a pause, "sorry" is one more cue whatever follows ("no, sorry to bother you" is content).
    const runsOnFromCue = cues > 0 && !hesitationOnly && words[k - 1]!.trail === "";
    if (STRONG_WORDS.has(w.core) && (runsOnFromCue || !isContent(words, k, w.core))) {
      // "analyze instead uh convey": a hesitation right after marks the adverb as a cue too.
      const next = words[k + 1];
      const setOff = w.trail === "," || (k > 0 && words[k - 1]!.trail === ",") ||
        (w.trail === "" && next !== undefined && (isFiller(next, o) || WEAK_WORDS.has(next.core)) && next.core !== "or");
      const explicit = !CONTENT_PRONE.has(w.core) || setOff || cues > 0;
      // "England rather Germany", "area wait river": a lone adverb between two words is a cue only when
      // the two read as like for like (checked with the repair). "actually" is too common an adverb for that, but
      // between two verbs in the past it modifies neither ("charged actually paid").
      bareAdverb = !explicit && cues === 0 && (w.core === "actually" ? pastForPast(words, k) :
        o.typedCorrections || namedLikeForLike(words, k) || askedLikeForLike(words, k) || negatedEcho(words, k) || restatedWithSubject(words, k - 1, k + 1));
      strong ||= explicit || bareAdverb;
      cues++; k++; onlyOr = hesitationOnly = false; continue;
    }
    // "the same, no, no more did lunch": an emphatic "no" doubled before the "no" of "no more" is an answer.
    if (w.core === "no" && words[k + 1]?.core === "no" && CONTENT_AFTER.no!.has(words[k + 2]?.core ?? "") && words[k + 1]!.trail === "") break;
    // After another cue "no" is always one ("sorry no two or more"): the content check is for a bare "no".
    // A capital "No" inside a sentence is a name ("a show called No Ego"). Before an article "no" is never
    // the determiner ("cause no the solution", "function of no the minimum"), nor before an auxiliary ("are produced no
    // can be used") or a negated one ("were no weren't"),
    // nor between a verb with its preposition and another verb with the same one ("discovered by no conquered by").
    if (w.core === "no" && !(w.capitalised && k > 0 && !words[k - 1]!.endsSentence) &&
      (cues > 0 || isWhStart(words, k + 1) || cueFollows(words, k + 1) || ARTICLES.has(words[k + 1]?.core ?? "") ||
        (words[k + 1]?.core.endsWith("n't") ?? false) || auxiliaryAfterNo(words, k) || verbWithPrepositionAgain(words, 0, k, k + 1) >= 0 ||
        betweenPrepositions(words, k) || !isContent(words, k, "no"))) {
      strong = true; noCount++; cues++; k++; onlyOr = hesitationOnly = false; continue;
    }
    if (WEAK_WORDS.has(w.core) || isHesitation(w.core) || isFiller(w, o)) { cues++; k++; onlyOr &&= w.core === "or"; continue; }
    // "Victoria or uh better what state": "or better" with a hesitation inside it.
    if (w.core === "better" && words[i]!.core === "or" && cues > 1 && !COMPARED_AFTER_BETTER.has(words[k + 1]?.core ?? "")) {
      strong = true; cues++; k++; onlyOr = hesitationOnly = false; continue;
    }
    break;
  }
  // A bare "or" is a conjunction; it only joins a cue ("or rather", "or uh sorry").
  // A cue closing its sentence has no repair after it in the same sentence.
  if (k === i || k >= words.length || words[k - 1]!.endsSentence) return null;
  // "What instrument or who developed": a bare "or" before a restarted question; the same wh-word
  // again coordinates ("except when wet or when they've been outside").
  // "was the Nice Treaty or the Lisbon Treaty rather?": a "rather" closing the phrase after "or" makes it a correction.
  const ratherLater = onlyOr && k - i === 1 && ratherClosesPhrase(words, k);
  if (onlyOr && !ratherLater && !(k - i === 1 && isWhStart(words, k) && !saidBefore(words, i, words[k]!.core))) return null;
  if (ratherLater) { strong = true; hesitationOnly = false; }
  const bare = cues === 1 && ((noCount === 1 && words[i]!.trail === "") || bareAdverb);
  // Typed text: a hesitation between two words is the writer's correction mark ("region er uh nation"); after a
  // preposition or an article it is a pause before the phrase ("demonstrated in uh 1891").
  if (o.typedCorrections && hesitationOnly && !onlyOr && i > 0 && !FUNCTION_WORDS.has(words[i - 1]!.core)) strong = true;
  return { start: i, end: k, strong, bare, bareAdverb: bareAdverb && cues === 1, hesitationOnly, needsEcho: ratherLater };
}

/** Auxiliaries that are nouns too, which "no" may determine ("no will to live", "no do-overs"). */
const AUXILIARY_NOUNS: ReadonlySet<string> = new Set(["will", "do", "may", "must"]);

/**
 * An auxiliary or a modal after a content word's "no", which no determiner "no" precedes: "produced no can be
 * used", "played no was". After a function word it may be a slip for a noun ("there are no does limiting").
 */
function auxiliaryAfterNo(words: readonly WordView[], k: number): boolean {
  const before = words[k - 1];
  const after = words[k + 1];
  return before !== undefined && after !== undefined && before.trail === "" && isContentWord(before.core) &&
    (QUESTION_OPENERS.has(after.core) || OTHER_MODALS.has(after.core)) && !AUXILIARY_NOUNS.has(after.core);
}

/** Most words between "or" and a "rather" that closes the phrase after it. */
const MAX_BEFORE_RATHER = 4;

/** A "rather" closes the phrase from k: at the sentence's end or before a comma, a few unbroken words on. */
function ratherClosesPhrase(words: readonly WordView[], k: number): boolean {
  for (let j = k + 1; j <= k + MAX_BEFORE_RATHER && j < words.length; j++) {
    if (words[j - 1]!.trail !== "") return false;
    const w = words[j]!;
    if (w.core === "rather") return w.endsSentence || w.trail === ",";
  }
  return false;
}

/** The word was said earlier in the sentence before words[i], inside it: "What X or what Y" restarts the question. */
function saidBefore(words: readonly WordView[], i: number, core: string): boolean {
  for (let k = i - 1; k >= 0 && !words[k]!.endsSentence; k--) {
    if (words[k]!.core === core) return k > 0 && !words[k - 1]!.endsSentence;
  }
  return false;
}

/** Before a cue like "forget that", these make it the verb and its clause: "you seem to forget that it's", "we can remove that". */
const VERB_GOVERNORS: ReadonlySet<string> = new Set([
  "to", "i", "you", "we", "they", "he", "she", "it", "can", "can't", "cannot", "will", "won't", "don't", "didn't", "doesn't", "never", "not",
  "could", "would", "should", "must", "might", "let's", "just", "also",
]);
/** "forget that", "remove that", "cancel that": a verb and its object or clause when a subject, modal or "to" governs it. */
function verbPhraseAt(words: readonly WordView[], k: number, p: readonly string[]): boolean {
  const prev = words[k - 1];
  return p.length === 2 && p[1] === "that" && prev !== undefined && prev.trail === "" && VERB_GOVERNORS.has(prev.core);
}

/** "little or no attention", "yes or no", "few or no": "or no" in a fixed pair, not a correction. */
const BEFORE_FIXED_OR_NO: ReadonlySet<string> = new Set(["little", "few", "yes", "whether", "some"]);
function fixedOrNo(words: readonly WordView[], k: number): boolean {
  return words[k]!.core === "or" && words[k + 1]?.core === "no" && k > 0 && words[k - 1]!.trail === "" && BEFORE_FIXED_OR_NO.has(words[k - 1]!.core);
}

/**
 * "How many of Poland's rather Berlin's inhabitants", "the San Diego rather Los Angeles airport": a
 * name or a possessive either side of a lone adverb is like for like even in speech, where "turn
 * rather close" keeps its adverb; so are two abstract nouns of one kind ("types of mineralization
 * instead crystallization").
 */
function namedLikeForLike(words: readonly WordView[], k: number): boolean {
  const before = words[k - 1];
  const after = words[k + 1];
  if (before === undefined || after === undefined || before.trail.length > 0) return false;
  const possessive = (w: WordView) => w.core.endsWith("'s");
  const name = (w: WordView, i: number) => w.capitalised && w.core !== "i" && i > 0 && !words[i - 1]!.endsSentence;
  return (possessive(before) && possessive(after)) || (name(before, k - 1) && name(after, k + 1)) || sameNounSuffix(before.core, after.core);
}

/** "the Air Force charged actually paid for": between two verbs in the past, "actually" modifies neither; it corrects. */
function pastForPast(words: readonly WordView[], k: number): boolean {
  const before = words[k - 1];
  const after = words[k + 1];
  const past = (w: WordView | undefined) => w !== undefined && isPastForm(w.core) && isContentWord(w.core);
  return past(before) && past(after) && before!.trail === "" && words[k]!.trail === "" && before!.core !== after!.core;
}

/** "did develop wait not develop": the word before the adverb said again after it, negated. */
function negatedEcho(words: readonly WordView[], k: number): boolean {
  const before = words[k - 1];
  const not = words[k + 1];
  return before !== undefined && not !== undefined && before.trail === "" && not.trail === "" && (not.core === "not" || not.core === "never") &&
    words[k + 2]?.core === before.core && isContentWord(before.core);
}

/** Suffixes that make abstract nouns, by kind ("-tion" and "-sion" are one). */
const NOUN_SUFFIXES: readonly RegExp[] = [/[st]ion$/, /ment$/, /ness$/, /ity$/, /ism$/, /[ae]nce$/, /ology$/];
const MIN_DERIVED_NOUN = 6;

/** Two nouns of the same derived kind ("mineralization instead crystallization", "decision wait solution"). */
function sameNounSuffix(a: string, b: string): boolean {
  return a !== b && a.length >= MIN_DERIVED_NOUN && b.length >= MIN_DERIVED_NOUN && NOUN_SUFFIXES.some((s) => s.test(a) && s.test(b));
}

/**
 * "What area wait river was Petrela by", "which departments rather fields may": a question's noun after its
 * wh-word, another noun after the adverb, then the question's verb. A speaker's "wait" or "rather" there
 * corrects the noun; "Which kids wait for" and "which kids rather" go on as a clause.
 */
function askedLikeForLike(words: readonly WordView[], k: number): boolean {
  const wh = words[k - 2];
  const before = words[k - 1];
  const after = words[k + 1];
  const verb = words[k + 2];
  if (wh === undefined || before === undefined || after === undefined || verb === undefined) return false;
  if (wh.core !== "what" && wh.core !== "which" && wh.core !== "whose") return false;
  if (wh.trail.length > 0 || before.trail.length > 0 || words[k]!.trail.length > 0 || after.trail.length > 0) return false;
  return isContentWord(before.core) && isContentWord(after.core) && isAuxiliaryOrModal(verb.core);
}

/** Most words a "not … but" may disown. */
const MAX_DISOWNED = 4;

/**
 * "force women no not women but men", "in Dover no no not Dover but in Bedfordshire": after
 * a cue, "not" + the very words said before the cue + "but" disowns them; its length, else 0.
 */
function disowningWordsBefore(words: readonly WordView[], cueStart: number, k: number): number {
  if (words[k]?.core !== "not" || words[k]!.trail.length > 0) return 0;
  for (let m = 1; m <= MAX_DISOWNED && m <= cueStart; m++) {
    const but = words[k + 1 + m];
    if (but === undefined || but.core !== "but") continue;
    let same = true;
    for (let j = 0; j < m && same; j++) same = sameWordSaid(words[k + 1 + j]!.core, words[cueStart - m + j]!.core) && words[k + 1 + j]!.trail === "";
    if (same) return m + 2;
  }
  return 0;
}

/** Most words of a remark between two cues. */
const MAX_ASIDE = 4;

/**
 * "nitrogen, oops I'm a liar, I mean oxygen": after an explicit cue that follows something said, a few
 * words closed by a comma and followed by an explicit correction phrase are the speaker's remark on the
 * slip, part of the editing term; their count, else 0. A sentence opened by the cue has said nothing to
 * remark on ("I mean that's, I mean relatable": "that's" is a false start).
 */
function asideBeforeCue(words: readonly WordView[], cueStart: number, k: number): number {
  if (cueStart === 0 || words[cueStart - 1]!.endsSentence) return 0;
  for (let m = 1; m <= MAX_ASIDE; m++) {
    const last = words[k + m - 1];
    if (last === undefined || last.endsSentence || (last.trail !== "" && last.trail !== ",")) return 0;
    if (last.trail === ",") return indexedPhraseAt(words, k + m, STRONG_INDEX) !== undefined ? m : 0;
  }
  return 0;
}

/** Letters a long word may differ by at its end and still be the word said ("Hambury … not Hamburg"): a slip of the ear or the keys. */
const SLIPPED_ENDING = 2;

function sameWordSaid(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < 5) return false;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= longest - SLIPPED_ENDING;
}

/** "broadcast by no from", "came after no before": a "no" between two prepositions determines nothing. */
function betweenPrepositions(words: readonly WordView[], k: number): boolean {
  const before = words[k - 1];
  const after = words[k + 1];
  return before !== undefined && after !== undefined && before.trail === "" && words[k]!.trail === "" &&
    PREPOSITIONS.has(before.core) && PREPOSITIONS.has(after.core) && before.core !== after.core;
}

/** "did no make that what": a "no" that another cue continues is a cue, whatever precedes it. */
function cueFollows(words: readonly WordView[], i: number): boolean {
  const w = words[i];
  if (w === undefined || words[i - 1]!.trail.length > 0) return false;
  return (STRONG_WORDS.has(w.core) && (!CONTENT_PRONE.has(w.core) || noRather(words, i))) || indexedPhraseAt(words, i, CONTINUATION_INDEX) !== undefined ||
    indexedPhraseAt(words, i, STRONG_INDEX) !== undefined;
}

/** "contained no rather divided": "rather" corrects unless it is the degree adverb ("rather than", "rather a"). */
function noRather(words: readonly WordView[], i: number): boolean {
  return words[i]!.core === "rather" && !CONTENT_AFTER.rather!.has(words[i + 1]?.core ?? "");
}
