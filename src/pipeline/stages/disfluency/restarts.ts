// Restarts with no editing term (rule `self_repair`, see repairs.ts): a word broken off or trailed off
// before the speaker starts again ("I don't- I don't know", "which is the… which is a"), and a question
// abandoned and asked again without a cue ("What gorge is known for its many what gorge is between").
// The question shapes read here (asksQuestion, asksOfItsSubject, isQuestionPrefix) serve the cued repairs too.
import type { Removal } from "./apply.js";
import { cutInAfter } from "./backchannels.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { matchBack } from "./reparandum.js";
import { BE_FORMS, FUNCTION_WORDS, hyphenedPrefixAt, isContentWord, isHesitation, isPastForm, isWhStart, NOUN_DETERMINERS, OTHER_MODALS, PREPOSITIONS, PRESENT_VERB, QUESTION_OPENERS, sentenceStartOf, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

/** Most words before a cue or a restarted question that a restart drops. */
export const MAX_RESTART = 15;
/**
 * Most words of a question abandoned for another after an explicit cue, the whole sentence closed by
 * "?": "What is an example of a machine model that deviates from … no remove that and tell me what is
 * not …". Without the cue or the mark, a long stretch before a wh-clause is more often said on.
 */
export const MAX_CUED_QUESTION_RESTART = 25;
/** Words between a wh-word and its auxiliary: "what kind of economy does". */
const MAX_WH_PHRASE = 3;

/**
 * A question opens at `i`: a wh-word (or "in what") then an auxiliary or a modal, directly or
 * after a short noun phrase ("what year did", "what kind of economy does", "how long may").
 */
export function asksQuestion(words: readonly WordView[], i: number): boolean {
  const wh = PREPOSITIONS.has(words[i]?.core ?? "") ? i + 1 : i;
  const q = words[wh];
  if (q === undefined || !WH_WORDS.has(q.core)) return false;
  for (let k = wh + 1; k <= wh + 1 + MAX_WH_PHRASE && k < words.length; k++) {
    const w = words[k]!;
    if (QUESTION_OPENERS.has(w.core) || OTHER_MODALS.has(w.core)) return k === wh + 1 || !FUNCTION_WORDS.has(words[wh + 1]!.core);
    if (w.trail.length > 0 || WH_WORDS.has(w.core) || (FUNCTION_WORDS.has(w.core) && w.core !== "of")) return false;
  }
  return false;
}

/** Most content words of the subject a wh-determiner opens before its verb ("what finite hierarchy implies"). */
const MAX_SUBJECT_NOUNS = 3;

/**
 * A question about its subject opens at `i`: "what"/"which", a noun or two, then a verb in -s or -ed
 * with more after it ("what finite hierarchy implies that …", "which company owned the rights").
 */
export function asksOfItsSubject(words: readonly WordView[], i: number): boolean {
  if (words[i]!.core !== "what" && words[i]!.core !== "which") return false;
  for (let k = i + 1; k <= i + 1 + MAX_SUBJECT_NOUNS && k + 1 < words.length; k++) {
    const w = words[k]!;
    if (words[k - 1]!.trail !== "") return false;
    if (k > i + 1 && (PRESENT_VERB.test(w.core) || isPastForm(w.core)) && w.trail === "") return true;
    if (!isContentWord(w.core)) return false;
  }
  return false;
}

/** The sentence before the cue reads as a question: "What did ...", "In which ...", "Does ...". */
export function isQuestionPrefix(words: readonly WordView[], start: number, end: number, most = MAX_RESTART): boolean {
  if (end - start > most) return false;
  return isWhStart(words, start) || QUESTION_OPENERS.has(words[start]!.core) || (end - start > 1 && isWhStart(words, start + 1));
}

/** A word broken off ("the-", "so—") or trailed off ("the…") before the speaker restarts. */
function cutOffKind(w: WordView): "cut" | "trail" | null {
  if (w.core === "") return null;
  if (w.trail === "-") return "cut";
  if (w.trail === "\u2014" || w.trail === "\u2026" || w.trail === "...") return "trail";
  return null;
}

/**
 * The hyphen at words[k] joins a compound written apart: one waiting for "to"/"and"/"or" and its second
 * half ("10- to 15-year", "short- and long-term"), or a capital's designation ("F- 4 Phantoms", "IGF- 1").
 */
function suspendedHyphen(words: readonly WordView[], k: number): boolean {
  const joiner = words[k + 1];
  const compound = words[k + 2];
  if (words[k]!.trail !== "-" || joiner === undefined) return false;
  if (words[k]!.capitalised && !FUNCTION_WORDS.has(words[k]!.core) && DESIGNATION.test(joiner.core)) return true;
  return compound !== undefined && joiner.trail === "" &&
    (joiner.core === "to" || joiner.core === "and" || joiner.core === "or") && compound.core.includes("-");
}
const DESIGNATION = /^\d+$/;

/**
 * "which is the… which is a" / "I don't- I don't know": a break-off works as a
 * zero-width editing term; the restart is matched back like any repair. An
 * unmatched hyphen cut-off ("the end of the- because") loses only the broken word.
 */
export function restartAt(words: readonly WordView[], k: number, o: DisfluencyOptions): Removal | null {
  const kind = cutOffKind(words[k]!);
  if (kind === null || k + 1 >= words.length || suspendedHyphen(words, k) || hyphenedPrefixAt(words, k)) return null;
  const sentenceStart = sentenceStartOf(words, k + 1);
  const matched = matchBack(words, sentenceStart, k + 1, k + 1);
  if (matched >= 0 && matched < k + 1 && k + 1 - matched <= 4) {
    return { start: matched, end: k + 1, rule: "self_repair", confidence: 0.7 };
  }
  // "them- Yeah. standing there": the listener cut in; the speaker's word was finished, not abandoned.
  const next = words[k + 1]!;
  if (cutInAfter(words, k) || isFiller(next, o)) return null;
  // "alone in my kitchen- I love", "as a nation- They would": after a determiner a word of some length
  // was said whole and broken off from; cutting it would leave the determiner hanging.
  const before = words[k - 1];
  if (before !== undefined && before.trail === "" && NOUN_DETERMINERS.has(before.core) && words[k]!.core.length >= MIN_WHOLE_WORD) return null;
  return kind === "cut" ? { start: k, end: k + 1, rule: "self_repair", confidence: 0.65 } : null;
}

/** Shorter cut-offs after a determiner are word beginnings ("such a ho- high", "the p- world's"). */
const MIN_WHOLE_WORD = 4;

/** Words a wh-word can follow as their object or complement: "know what", "of what", "is what", "tell me what". */
const WH_GOVERNORS: ReadonlySet<string> = new Set([
  "know", "knew", "knows", "tell", "told", "ask", "asked", "say", "said", "says", "explain", "explains", "explained", "determine",
  "determines", "determined", "decide", "decides", "decided", "show", "shows", "showed", "see", "saw", "describe", "describes",
  "described", "mean", "means", "meant", "call", "called", "calls", "wonder", "learn", "learned", "understand", "matter", "matters",
]);
const UNCUED_RESTART_CONFIDENCE = 0.6;
/** "or" before a question asked again corrects as often ("Who received … or uh in what year did …"). */
const QUESTION_JOINERS: ReadonlySet<string> = new Set(["and", "but"]);

/** Relative clauses never invert: "the year when the war ended", "the city which is", not "when was the". */
const INVERTING_WH: ReadonlySet<string> = new Set(["when", "where", "why", "which"]);

/**
 * A direct question at `i` by its word order, in any case: "when was the Ming dynasty", "why is he",
 * "which city does the district" — the auxiliary before its subject, which a relative clause never has.
 */
function invertedQuestionAt(words: readonly WordView[], i: number): boolean {
  const q = words[i]!;
  if (!INVERTING_WH.has(q.core) || q.trail !== "") return false;
  // "which" asks only with its noun: "which city does"; "which is" is relative.
  const aux = q.core === "which" ? i + 2 : i + 1;
  if (q.core === "which" && (words[i + 1] === undefined || words[i + 1]!.trail !== "" || FUNCTION_WORDS.has(words[i + 1]!.core))) return false;
  const auxWord = words[aux];
  const subject = words[aux + 1];
  if (auxWord === undefined || subject === undefined || auxWord.trail !== "" || !QUESTION_OPENERS.has(auxWord.core)) return false;
  return NOUN_DETERMINERS.has(subject.core) || SUBJECT_PRONOUNS.has(subject.core) || (subject.capitalised && !FUNCTION_WORDS.has(subject.core));
}

/**
 * "What gorge is known for its many what gorge is between ...", "When are Where are
 * ...": a question abandoned without any cue and asked again. The second question
 * opens with a wh-word (capitalised inside the sentence, or an ungoverned "what"/
 * "how", or "in what" + noun) followed by a verb-like auxiliary, as a question
 * does; a relative "who"/"which"/"where" in lowercase ("the man who was") and a
 * clause after a preposition ("the size of what is called") never count.
 */
export function uncuedRestartAt(words: readonly WordView[], i: number): Removal | null {
  const w = words[i]!;
  const prev = words[i - 1]!;
  if (prev.trail.length > 0 && !prev.endsSentence && prev.trail !== ",") return null;
  if (prev.endsSentence) return null;
  let wh = i;
  // "in what country was": the preposition must govern a noun, not a clause ("interested in what was").
  if (PREPOSITIONS.has(w.core) && w.core !== "of" && words[i + 1]?.core === "what" && words[i + 2] !== undefined &&
    !QUESTION_OPENERS.has(words[i + 2]!.core)) wh = i + 1;
  const q = words[wh]!;
  if (!WH_WORDS.has(q.core)) return null;
  const sentenceStart = sentenceStartOf(words, i);
  // The word the question follows, past a stutter of it and hesitations ("and um what what does"): after a
  // conjunction the question is a second one ("could you elaborate on that and what does that mean"), after
  // a verb of knowing or a preposition its object ("a sense of what what should we expect").
  let p = i - 1;
  let stuttered = false;
  for (; p > sentenceStart && words[p - 1]!.trail === "" && (words[p]!.core === q.core || isHesitation(words[p]!.core)); p--) {
    if (words[p]!.core === q.core) stuttered = true;
  }
  const before = words[p]!;
  if (p < i - 1 && (QUESTION_JOINERS.has(before.core) || WH_GOVERNORS.has(before.core) || (stuttered && FUNCTION_WORDS.has(before.core)))) return null;
  // "Where did who was ...", "Who were how did ...": a wh-word and its auxiliary, then another question.
  const brokenOffAtOnce = wh === i && i - sentenceStart === 2 && WH_WORDS.has(words[sentenceStart]!.core) && QUESTION_OPENERS.has(prev.core);
  const capitalised = (q.capitalised && wh === i) || brokenOffAtOnce;
  if (!capitalised && q.core !== "what" && q.core !== "how" && !(wh === i && invertedQuestionAt(words, i))) return null;
  if (!capitalised && (FUNCTION_WORDS.has(prev.core) || WH_GOVERNORS.has(prev.core) || BE_FORMS.has(prev.core) || prev.core.endsWith("'s"))) return null;
  if (!asksQuestion(words, i)) return null;
  if (i - sentenceStart < 2 || !isQuestionPrefix(words, sentenceStart, i)) return null;
  return { start: sentenceStart, end: i, rule: "self_repair", confidence: UNCUED_RESTART_CONFIDENCE };
}
