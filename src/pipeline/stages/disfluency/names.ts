// Names in a reparandum (rule `self_repair`, read by reparandum.ts's defaultStart): how far back a
// name said before the cue runs ("Wahl and Ammann", "Roussel de Bailleul", "the University of San
// Diego"), and whether the article before it goes with it when the repair is a name that takes none.
import { FUNCTION_WORDS, isNumeric, WH_WORDS, type WordView } from "./words.js";

/** A possessive, written either way: "Karp's", "Normans'". */
export const POSSESSIVE = /['\u2019]s?$/;
/** Nationality adjectives: capitalised, yet they grade a noun rather than name it ("French settlers", "European reformer"). */
export const DEMONYM = /(?:an|ish|ese|ch|ek|ss|ai)$/;
/** Lowercase words inside a name: "Otto von Bismarck", "Roussel de Bailleul". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(["de", "du", "des", "von", "van", "der", "den", "da", "di", "la", "le", "al", "bin", "ibn"]);
/** Endings of names that look plural but are not: "Cyprus", "Paris", "Memphis", "Tunis". */
const SINGULAR_NAME_ENDING = /(?:us|is)$/;
/** Most words of a name the repair says before its head ("Pomona University", "Texas A&M University"). */
const MAX_NAME_BEFORE_HEAD = 3;

/**
 * Where the name ending at `s` (a capitalised word before the cue) starts, for the repair at `b`.
 * `whole`: the start takes the name's article and its governing word already, and is final.
 */
export function nameStart(words: readonly WordView[], sentenceStart: number, s: number, b: number): { start: number; whole: boolean } {
  while (s - 1 > sentenceStart && words[s - 1]!.trail.length === 0) {
    const before = words[s - 1]!;
    // "BSkyB's Sky Active no sorry digital service": the possessor owns whatever was named; it stays.
    if (POSSESSIVE.test(before.core) && !POSSESSIVE.test(words[b]!.core)) break;
    // A nationality before a name corrected by a common noun describes it: "French Catholics no sorry nobles".
    if (before.capitalised && !FUNCTION_WORDS.has(before.core) && (words[b]!.capitalised || !DEMONYM.test(before.core))) s--;
    // A particle joins a name's parts even at the sentence start, where a capital alone proves nothing ("Nativité du Seigneur").
    else if ((before.core === "and" ? s - 2 > sentenceStart : NAME_PARTICLES.has(before.core) && s - 2 >= sentenceStart) && words[s - 2]!.capitalised &&
      words[s - 2]!.trail.length === 0) s -= 2;
    else break;
  }
  // "Santa Monica no Palm Springs is …": at the sentence start a capital proves nothing alone, but a name
  // replaced by another of as many capitalised words takes the first word with it.
  const first = words[s - 1];
  if (first !== undefined && s - 1 === sentenceStart && first.trail === "" && first.capitalised && !FUNCTION_WORDS.has(first.core) &&
    !WH_WORDS.has(first.core) && capitalisedRun(words, b) === s - sentenceStart + 1) s--;
  // "the University of San Diego or rather Pomona University": a repair naming the head said before "of"
  // renames the whole "Head of Name", and a "Name Head" takes no article ("Pomona University").
  const headOf = nameHeadBeforeOf(words, sentenceStart, s, b);
  if (headOf >= 0) {
    const before = words[headOf - 1];
    return { start: before !== undefined && headOf - 1 >= sentenceStart && before.core === "the" && before.trail === "" ? headOf - 1 : headOf, whole: true };
  }
  // "the High Courts no sorry Microsoft", "the United States no California": a name said without an
  // article replaces the article's phrase. Plurals and acronyms often take one ("the Andes", "the UK").
  const article = words[s - 1];
  if (article !== undefined && s - 1 >= sentenceStart && article.core === "the" && article.trail === "" && nameWithoutArticle(words, b)) s--;
  return { start: s, whole: false };
}

/** Capitalised words in a row from `b`, unbroken by a pause. */
function capitalisedRun(words: readonly WordView[], b: number): number {
  let n = 0;
  while (words[b + n]?.capitalised && !FUNCTION_WORDS.has(words[b + n]!.core) && (n === 0 || words[b + n - 1]!.trail === "")) n++;
  return n;
}

/**
 * The start of "Head of" before the name run at `s` when the repair is a name ending in that head
 * ("the University of Texas no sorry Rice University"), else -1.
 */
function nameHeadBeforeOf(words: readonly WordView[], sentenceStart: number, s: number, b: number): number {
  const of = words[s - 1];
  const head = words[s - 2];
  if (of?.core !== "of" || of.trail !== "" || head === undefined || s - 2 <= sentenceStart || !head.capitalised || head.trail !== "") return -1;
  for (let k = b + 1; k <= b + MAX_NAME_BEFORE_HEAD && k < words.length; k++) {
    const w = words[k]!;
    if (!w.capitalised || FUNCTION_WORDS.has(w.core)) return -1;
    if (w.core === head.core) return words.slice(b, k).every((x) => x.capitalised && !FUNCTION_WORDS.has(x.core)) ? s - 2 : -1;
  }
  return -1;
}

/**
 * The repair is a one-word name standing alone, which takes no article: "California to", "France's
 * primary". A name before a noun modifies it ("the Nixon administration"); longer names often head
 * with a noun ("the Dutch Revolt", "the Los Angeles International Airport"); plurals, acronyms and
 * nationalities mostly take an article ("the Andes", "the UK", "the British").
 */
function nameWithoutArticle(words: readonly WordView[], b: number): boolean {
  const w = words[b]!;
  const text = w.core;
  if (!w.capitalised || w.acronym || text === "i" || FUNCTION_WORDS.has(text) || WH_WORDS.has(text) || isNumeric(text)) return false;
  if (text.endsWith("'s")) return true;
  // "-us", "-is" end singular names ("Cyprus", "Paris", "Memphis"); other plurals take one ("the Andes").
  if ((text.endsWith("s") && !SINGULAR_NAME_ENDING.test(text)) || DEMONYM.test(text)) return false;
  const next = words[b + 1];
  return w.trail.length > 0 || next === undefined || FUNCTION_WORDS.has(next.core);
}
