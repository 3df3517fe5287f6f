// Rule `self_repair`, abandoned starts: a determiner or subject pronoun left
// hanging before a pause, after which the speaker starts a new clause
// ("the, there's never a perfect plan", "I, it literally felt like",
// "I… we worked in the office"). "the," and "I," cannot end a phrase, so when
// the next word opens a clause the hanging word is a false start; it alone goes.
// Anything else after the pause ("the, uh, soul", "I, for one, think",
// "we, the people") is left to the other rules. Raw ASR marks no pause, so
// there only a next word that can never follow the determiner or pronoun
// shows it ("a an action film", "and I it literally felt").
import type { Removal } from "./apply.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { ARTICLES, isContentWord, SUBJECT_CONTRACTIONS, SUBJECT_ONLY_PRONOUNS, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "my", "your", "our", "their", "every"]);
/** Determiners that also stand alone as pronouns ("I want these, and those"): hanging only before another determiner. */
const PRONOUN_DETERMINERS: ReadonlySet<string> = new Set(["these", "those", "any"]);
/** Words that open a new clause (subject, connective, wh-word). */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ...SUBJECT_PRONOUNS, ...SUBJECT_CONTRACTIONS, ...WH_WORDS, "there", "this", "that", "these", "those",
  "i've", "we've", "you've", "they've", "i'll", "we'll", "you'll", "i'd", "we'd", "and", "but", "so", "if", "because", "not", "let's",
]);
/** After a hanging determiner a fresh noun phrase also shows the restart: "the, that you can". */
const PHRASE_OPENERS: ReadonlySet<string> = new Set(["the", "a", "an", "my", "your", "our", "their", "to", "is"]);
const ABANDONED_CONFIDENCE = 0.7;
/** Words after which a hanging pronoun still starts its clause: "and I, it literally felt like". */
const CLAUSE_JOINERS: ReadonlySet<string> = new Set(["and", "but", "so", "or", "because", "cause", "'cause", "that", "then", "like", "now", "well", "yeah", "oh"]);
const QUOTE_MARK = /["\u201C\u201D'\u2018\u2019]/;

function hangs(w: WordView): boolean {
  return w.trail === "," || w.trail === "\u2026" || w.trail === "...";
}

function isAbandoned(words: readonly WordView[], i: number, o: DisfluencyOptions): boolean {
  const w = words[i]!;
  const next = words[i + 1];
  if (next === undefined || !hangs(w) || next.core === w.core || isFiller(next, o)) return false;
  // '"Sir," said he, "I am': a quotation opens after the pause, not a restart.
  if (QUOTE_MARK.test(next.lead)) return false;
  const prev = words[i - 1];
  // "if any, the real one", "if these, then": an elided clause, complete.
  if (prev?.core === "if" || prev?.core === "whether") return false;
  // "that I, you know, try": the filler goes and "I try" joins up again.
  const after = words[i + 2];
  if (next.trail === "" && after !== undefined && ((next.core === "you" && after.core === "know") || (next.core === "i" && after.core === "mean"))) return false;
  // "at A, where": a capital "A" inside a sentence names a point or a grade, not an article.
  if (w.core === "a" && w.capitalised && prev !== undefined && !prev.endsSentence) return false;
  if (DETERMINERS.has(w.core)) return CLAUSE_OPENERS.has(next.core) || PHRASE_OPENERS.has(next.core);
  // "the politics of these… your statements": a second determiner restarts the noun phrase.
  if (PRONOUN_DETERMINERS.has(w.core)) return PHRASE_OPENERS.has(next.core) && next.core !== "to" && next.core !== "is";
  // A pronoun inside a phrase ends it: "said he, I", "Charles I, and" (a numeral), "between you and I, we".
  const startsClause = prev === undefined || prev.trail.length > 0 || CLAUSE_JOINERS.has(prev.core) || isFiller(prev, o);
  return SUBJECT_ONLY_PRONOUNS.has(w.core) && startsClause && CLAUSE_OPENERS.has(next.core);
}

/**
 * Words no article stands before: another determiner, a subject, a connective ("directing a an action
 * film", "the there's"). After "a" or "an" no connective or "a" counts, which spell letters as often ("class
 * a and", "q and a", "an a p l g").
 */
const NOT_AFTER_ARTICLE: ReadonlySet<string> = new Set([
  ...SUBJECT_CONTRACTIONS, ...[...SUBJECT_ONLY_PRONOUNS].filter((w) => w !== "i"), "the", "an", "my", "your", "our", "their",
]);
const NOT_AFTER_THE: ReadonlySet<string> = new Set([...NOT_AFTER_ARTICLE, "a", "and", "but", "because", "if", "is", "are", "was"]);
/** A letter said on its own, as spelled letters are. */
const SPELLED_LETTER = /^[a-z]$/;
/** Words no subject pronoun stands before: another subject or a clause's opener ("I it literally felt", "um I what else"). */
const NOT_AFTER_SUBJECT: ReadonlySet<string> = new Set([
  ...SUBJECT_CONTRACTIONS, ...SUBJECT_ONLY_PRONOUNS, "it", "if", "what", "how", "why", "where", "when", "but", "because",
]);

/**
 * In raw ASR, with no pause marked, a determiner or subject pronoun still shows it was abandoned when
 * the next word is one that can never follow it: "directing a an action film", "and the there's sleep
 * researchers", "and I it literally felt like".
 */
function abandonedUnmarked(words: readonly WordView[], i: number): boolean {
  const w = words[i]!;
  const next = words[i + 1]!;
  if (next.core === w.core) return false;
  // "the a f m study", "the a i model": an "a" that starts spelled letters is one of them, not an article.
  if (w.core === "the") return NOT_AFTER_THE.has(next.core) && !(next.core === "a" && SPELLED_LETTER.test(words[i + 2]?.core ?? ""));
  const prev = words[i - 1];
  // After a noun "a" is as often a letter that labels it ("within class a we had"), but a letter is not
  // followed by another article ("directing a an action film").
  if (w.core === "a" || w.core === "an") {
    return NOT_AFTER_ARTICLE.has(next.core) && (prev === undefined || !isContentWord(prev.core) || ARTICLES.has(next.core));
  }
  return SUBJECT_ONLY_PRONOUNS.has(w.core) && (prev === undefined || CLAUSE_JOINERS.has(prev.core)) && NOT_AFTER_SUBJECT.has(next.core);
}

/** `raw`: the segment is raw ASR (isRawAsr), where a false start shows only by the word after it. */
export function findAbandonedStarts(words: readonly WordView[], o: DisfluencyOptions, raw: boolean): Removal[] {
  const found: Removal[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (isAbandoned(words, i, o) || (raw && abandonedUnmarked(words, i))) found.push({ start: i, end: i + 1, rule: "self_repair", confidence: ABANDONED_CONFIDENCE });
  }
  return found;
}
