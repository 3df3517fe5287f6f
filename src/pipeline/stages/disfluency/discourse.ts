// Rule `discourse_filler`: "you know", "I mean", "like", "sort of" — only where
// they fill a pause, never where they are content ("I like it", "I mean it",
// "you know what", "it's like a dream"). The evidence is the words around the
// phrase and the punctuation the ASR gave: ", you know," is a filler almost
// always; an unpunctuated one in punctuated text only in a narrow set of
// contexts, while raw ASR (no punctuation at all) shows no pauses, so there
// an ungoverned one without an object is taken as the filler. Where the
// evidence is weak the confidence sits below the default apply threshold, so
// the removal is suggested for review rather than made. "like", with the most
// uses to tell apart, has its own file (like.ts).
import type { Removal } from "./apply.js";
import { governedAt, HEDGE_OPENERS, KNOW_GOVERNORS, MEAN_GOVERNORS, phrase, wordAt } from "./filler-span.js";
import { likeFiller } from "./like.js";
import { opensPhrase, QUESTION_OPENERS, WH_WORDS, type WordView } from "./words.js";

/** An unpunctuated "you know" followed by these has an object: "you know what", "you know him". */
const KNOW_OBJECTS = new Set([
  "what", "how", "who", "where", "when", "why", "which", "whether", "if", "it", "them", "him", "her", "me", "us",
  "that", "this", "those", "these", "the", "about", "everything", "nothing", "something", "anything", "better",
  "yourself", "each", "all", "more", "exactly", "as", "my", "your", "his", "our", "their",
]);
/**
 * In raw ASR the objects that still show the verb: a wh-word or a pronoun that is only an object (and "as"
 * of a comparison, rawKnowObject). A determiner, "it", "if" or "about" opens what follows a filler as often
 * ("so you know the fiscal year", "and you know if she's down"); in the Rev16 dev rows made raw the
 * editors dropped those.
 */
const RAW_KNOW_OBJECTS: ReadonlySet<string> = new Set([
  "what", "how", "who", "where", "when", "why", "which", "whether", "them", "him", "her", "me", "us", "those", "these",
  "everything", "nothing", "something", "anything", "better", "yourself", "exactly",
]);

/** Degrees after "as" that make it a comparison ("as well as", "as much as"), not a clause's conjunction ("as we go"). */
const AS_COMPARED: ReadonlySet<string> = new Set(["well", "much", "many", "good", "far", "long", "soon", "often", "little", "few"]);

/** words[k], after a raw "you know", is its object: "you know what", "you know as well as I do". */
function rawKnowObject(words: readonly WordView[], k: number): boolean {
  const w = words[k]!.core;
  if (w === "as") return AS_COMPARED.has(words[k + 1]?.core ?? "");
  return RAW_KNOW_OBJECTS.has(w) && !directQuestion(words, k);
}

const INVERTED_SUBJECTS: ReadonlySet<string> = new Set(["i", "you", "we", "they", "he", "she", "it", "that", "this", "there"]);

/**
 * A wh-word asking a question of its own, its auxiliary before its subject ("you know why is that", "you
 * know what are you supposed to do"): no object of "know", which would say "why that is". "what is going
 * on" asks of its subject and is the object.
 */
function directQuestion(words: readonly WordView[], k: number): boolean {
  return WH_WORDS.has(words[k]!.core) && QUESTION_OPENERS.has(words[k + 1]?.core ?? "") && INVERTED_SUBJECTS.has(words[k + 2]?.core ?? "");
}
/** "I mean it / that / what I say / to go / business / well": the verb, keep. */
const MEAN_OBJECTS = new Set([
  "it", "that", "this", "what", "to", "you", "him", "her", "them", "me", "us", "business", "well", "no", "any",
  "every", "each", "the", "a", "an", "literally", "exactly", "seriously",
]);

function youKnow(words: readonly WordView[], i: number, raw: boolean): Removal | null {
  const prev = wordAt(words, i - 1);
  const know = words[i + 1]!;
  const next = wordAt(words, i + 2);
  if (governedAt(words, i - 1, KNOW_GOVERNORS)) return null;
  const punctuated = know.trail.length > 0;
  if (know.trail === "-" ) return phrase(words, i, 2, 0.6);
  if (punctuated) return phrase(words, i, 2, opensPhrase(words, i) ? 0.9 : 0.8);
  if (next === undefined || (raw ? rawKnowObject(words, i + 2) : KNOW_OBJECTS.has(next.core))) return null;
  // Unpunctuated in punctuated text, where the writer marked no pause: only a phrase opening (or after a
  // conjunction) reads as a filler; "so you know I was out of the question" is "so that you know".
  if (opensPhrase(words, i) || (prev !== undefined && HEDGE_OPENERS.has(prev.core) && prev.core !== "so")) return phrase(words, i, 2, 0.6);
  // In raw ASR, with no punctuation anywhere, a pause cannot show: an ungoverned "you know" without
  // an object is the filler far more often than the verb ("so you know we", "has you know had").
  if (raw) return phrase(words, i, 2, 0.55);
  return null;
}

function iMean(words: readonly WordView[], i: number): Removal | null {
  const mean = words[i + 1]!;
  const next = wordAt(words, i + 2);
  if (governedAt(words, i - 1, MEAN_GOVERNORS)) return null;
  if (mean.trail.length === 0 && (next === undefined || MEAN_OBJECTS.has(next.core))) return null;
  if (mean.trail !== "," && mean.trail !== "-" && mean.trail.length > 0) return null; // "what I mean?" is content
  // Even between commas it usually introduces a gloss or the point ("run, I
  // mean, short of winning"): a reader keeps it, so it is only suggested.
  return phrase(words, i, 2, 0.45);
}

function sortOf(words: readonly WordView[], i: number): Removal | null {
  const of = words[i + 1]!;
  // Only the bracketed hedge (", sort of,"): "sort of the setup" is content.
  if (!opensPhrase(words, i) || of.trail !== ",") return null;
  return phrase(words, i, 2, 0.6);
}

/** `raw`: the segment is raw ASR (isRawAsr), where an ungoverned "you know" is taken as the filler. */
export function findDiscourseFillers(words: readonly WordView[], raw: boolean): Removal[] {
  const found: Removal[] = [];
  for (let i = 0; i < words.length; i++) {
    const core = words[i]!.core;
    let r: Removal | null = null;
    if (core === "like") r = likeFiller(words, i);
    else if (i + 1 < words.length) {
      const second = words[i + 1]!.core;
      if (core === "you" && second === "know") r = youKnow(words, i, raw);
      else if (core === "i" && second === "mean") r = iMean(words, i);
      else if (core === "sort" && second === "of") r = sortOf(words, i);
    }
    if (r !== null) {
      found.push(r);
      i = r.end - 1;
    }
  }
  return found;
}
