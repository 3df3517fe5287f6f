// Self-repairs no deletion can mend (rule `self_repair`, see repairs.ts): the
// repair corrects words said before the reparandum, not the ones next to the
// cue ("How are the petals spaced no sorry leaves not petals?", "What desert is
// to the east near Nevada no sorry south?"). Cutting the reparandum would leave
// nonsense, so such repairs are left as said.
import type { Removal } from "./apply.js";
import { BE_FORMS, FUNCTION_WORDS, hasWhWord, isContentWord, isFigure, isNumeric, isRawAsr, PREPOSITIONS, QUESTION_OPENERS, sentenceEndOf, sentenceStartOf, WH_WORDS, type WordView } from "./words.js";

/** A possessive, written either way: "Karp's", "Normans'". */
const POSSESSIVE_END = /(?:'s|s')$/;
/** How far back a wh-word still governs the name before the cue ("what type of Analogous"). */
const MAX_WH_PHRASE = 3;

/** The same word, or its plural: "Prussian" troops disowned as "not Prussians". */
function sameNoun(said: string, named: string): boolean {
  return said === named || named === `${said}s` || said === `${named}s`;
}

/** Most words a closing "not X" names. */
const MAX_DISOWNED_TAIL = 3;
/** Cue words a repair may close with ("… rather?"). */
const ECHOED_AT_END: ReadonlySet<string> = new Set(["rather", "instead", "actually"]);

/** The repair's last word before the sentence end at `end`: a cue said again there ("… rather?") is none of it. */
function closingRepairEnd(words: readonly WordView[], end: number): number {
  return ECHOED_AT_END.has(words[end]!.core) ? end - 1 : end;
}
/** Most content words of a closing repair read as a late correction. */
const MAX_LATE_REPAIR = 3;

/** Whether the words `named` (or their plurals) were said together in the sentence before the reparandum. */
type SaidBefore = (named: readonly string[]) => boolean;

/**
 * The repair corrects words said before the reparandum, not next to the cue, so no deletion repairs it:
 * the words are left as said rather than cut into nonsense. The sentence's bounds are found once for
 * both readings.
 */
export function correctsWordsKept(words: readonly WordView[], r: Removal, cueStart: number): boolean {
  const end = sentenceEndOf(words, r.end);
  // Raw ASR marks no sentence end; only a number closing the segment is read there ("five new stores or
  // rather six"): the other readings, with the segment's end for the sentence's, cut Rev16's raw rows worse.
  if (end < 0) return isRawAsr(words) && r.end === words.length - 1 && numberForWord(words, r, sentenceStartOf(words, r.start));
  const start = sentenceStartOf(words, r.start);
  const saidBefore: SaidBefore = (named) => {
    for (let k = start; k + named.length <= r.start; k++) if (named.every((core, j) => sameNoun(words[k + j]!.core, core))) return true;
    return false;
  };
  return disownsWordsKept(words, r, end, saidBefore) || repairsEarlierWords(words, r, end, saidBefore) || cannotStandFor(words, r, end, start) ||
    (r.start === start && ellipticalQuestion(words, r.end, end)) || opensWithWordsSaidBefore(words, r, end, saidBefore) ||
    reframesEarlierPhrase(words, r, end, start, cueStart) || replacesLessThanItDrops(words, r, end, cueStart) ||
    stopsShortOfTheCue(words, r, end, cueStart);
}

/**
 * "What did the old government adopt, sorry the new government?": a short repair closing the sentence ends
 * on a noun the reparandum said before its last words, so it replaces the phrase up to that noun; the
 * words after it ("adopt") are no part of what it corrects, and no deletion keeps them.
 */
function stopsShortOfTheCue(words: readonly WordView[], r: Removal, end: number, cueStart: number): boolean {
  const last = closingRepairEnd(words, end);
  const head = words[last];
  if (head === undefined || last < r.end || last - r.end + 1 > MAX_REFRAMED || !isContentWord(head.core)) return false;
  // A question of its own ("I wanted to know what caused the crisis") replaces the one abandoned.
  if (hasWhWord(words, r.end, last + 1)) return false;
  const repair = words.slice(r.end, last + 1);
  for (let k = cueStart - 2; k >= r.start; k--) {
    if (!sameNoun(words[k]!.core, head.core)) continue;
    return words.slice(k + 1, cueStart).some((w) => isContentWord(w.core) && !repair.some((x) => x.core === w.core));
  }
  return false;
}

/** How many more content words the reparandum must hold than the repair for it to drop more than it replaces. */
const DROPPED_BEYOND_REPAIR = 2;

/**
 * "What area in Canada accepted Huguenot colonists no wait in South Africa not Canada?", "When did Carl
 * Wilhelm Scheele discover oxygen no Carl Priestly?": a repair closing the sentence restarts from an
 * earlier copy of its first word but brings only a name, while the reparandum it would cut holds the
 * clause's verb and more ("What area in South Africa?", "When did Carl Priestly?"). The name stands for
 * the one after the echo alone, which no deletion reaches.
 */
function replacesLessThanItDrops(words: readonly WordView[], r: Removal, end: number, cueStart: number): boolean {
  if (words[r.start]!.core !== words[r.end]!.core || WH_WORDS.has(words[r.end]!.core)) return false;
  let last = closingRepairEnd(words, end);
  // A closing "not X" disowns and replaces nothing.
  for (let n = 1; n <= MAX_DISOWNED_TAIL; n++) if (last - n > r.end && words[last - n]!.core === "not") { last -= n + 1; break; }
  // The repair is a name and no more: a phrase of small-letter words may go on with the sentence ("the
  // megaregion extend from"), where the reparandum's words are its own.
  const repair = words.slice(r.end + 1, last + 1);
  if (repair.length === 0 || repair.some((w) => isContentWord(w.core) && !w.capitalised) || repair.some((w) => QUESTION_OPENERS.has(w.core) || BE_FORMS.has(w.core))) return false;
  const dropped = words.slice(r.start + 1, cueStart);
  const content = (ws: readonly WordView[]) => ws.filter((w) => isContentWord(w.core)).length;
  // The clause's verb goes with it: a small-letter word besides the names ("accepted", "discover").
  const dropsVerb = dropped.some((w) => !w.capitalised && isContentWord(w.core) && !repair.some((x) => x.core === w.core));
  return dropsVerb && content(dropped) >= content(repair) + DROPPED_BEYOND_REPAIR;
}

/** Longest closing repair compared word for word with an earlier phrase. */
const MAX_REFRAMED = 4;

/**
 * "… contain the lowest amount of oxygen by mass no sorry the greatest amount?", "… of the Earth's
 * biosphere is comprised of oxygen no sorry the Earth's atmosphere?": a short repair closing the
 * sentence is a phrase said before the reparandum with one word changed (a content word among those
 * kept), so it corrects that phrase. A reparandum that starts as the repair does is its own copy ("the
 * blue car no the green car") and is mended. Two words say less: only a noun's modifier changed, for a
 * one-word reparandum ("in Islamic society in the 19th century, oh sorry I mean Ottoman society"), since
 * "attacked by MHC antigens no NK cells" puts a phrase for a phrase of its own length.
 */
function reframesEarlierPhrase(words: readonly WordView[], r: Removal, end: number, start: number, cueStart: number): boolean {
  const last = closingRepairEnd(words, end);
  const n = last - r.end + 1;
  if (n === 2 && theWithItsLike(words, r, start, cueStart)) return true;
  if (n < 2 || n > MAX_REFRAMED || words[r.start]!.core === words[r.end]!.core) return false;
  // A name cut for two small-letter words is no like for like either ("… in the United States no wait make that lowest ranking?").
  const nameForWords = words.slice(r.start, cueStart).every((w) => w.capitalised && !FUNCTION_WORDS.has(w.core)) &&
    words.slice(r.end, last + 1).every((w) => !w.capitalised);
  if (n === 2 && ((cueStart - r.start !== 1 && !nameForWords) || !isContentWord(words[r.end]!.core))) return false;
  for (let k = start; k + n <= r.start; k++) {
    let changed = -1;
    let changes = 0;
    let keptContent = false;
    for (let j = 0; j < n && changes < 2; j++) {
      const said = words[k + j]!.core;
      if (said !== words[r.end + j]!.core) { changed = j; changes++; }
      else keptContent ||= isContentWord(said);
    }
    if (changes !== 1 || !keptContent) continue;
    if (n > 2 || (changed === 0 && isContentWord(words[k]!.core))) return true;
  }
  return false;
}

/** A name (capitalised, or possessive) or a figure: "the Normans", "the Rhine's", "the 1980s". */
function nameOrFigure(w: WordView): boolean {
  return (w.capitalised && !FUNCTION_WORDS.has(w.core)) || SAID_IN_FIGURES.test(w.core);
}
/** A figure, a decade or an ordinal in figures: "1500", "1980s", "15th". */
const SAID_IN_FIGURES = /^\d/;

/**
 * "Who did the Franks team up with in Anatolia no sorry the Normans?", "In the 1500s AD, what was the
 * population of the amazon region no scratch 1500, I mean the 1980s?": "the" and a name or figure closing
 * the sentence match "the" and one of the same kind said before the reparandum, which has no like word
 * after a "the" of its own; it is that one corrected.
 */
function theWithItsLike(words: readonly WordView[], r: Removal, start: number, cueStart: number): boolean {
  const article = words[r.end]!;
  const named = words[r.end + 1]!;
  if (article.core !== "the" || !nameOrFigure(named) || words[r.start - 1]?.core === "the") return false;
  const figure = (w: WordView) => SAID_IN_FIGURES.test(w.core);
  const sameKind = (w: WordView) => nameOrFigure(w) && w.core !== named.core && figure(w) === figure(named);
  // A reparandum of its own "the" and a like word is corrected in place ("the Franks no the Normans"), unless
  // more than its noun goes with it: "the Gaul's discovery and border no the Rhine's" corrects "the Gaul's" alone.
  if (words[r.start]!.core === "the" && sameKind(words[r.start + 1]!)) return cueStart - r.start > 3;
  for (let k = start; k + 1 < r.start; k++) if (words[k]!.core === "the" && words[k]!.trail === "" && sameKind(words[k + 1]!)) return true;
  return false;
}

/** Words of the repair's opening said together before the reparandum that make it a late correction. */
const ECHOED_OPENING = 3;

/**
 * "The sieve of Eratosthenes would not be valid if what were true no the sieve of Euler?": the repair
 * opens with three words said together before the reparandum, which does not start as it does, so it
 * corrects that earlier phrase, not the words next to the cue.
 */
function opensWithWordsSaidBefore(words: readonly WordView[], r: Removal, end: number, saidBefore: SaidBefore): boolean {
  // A restart from an earlier copy of its first word ("break up… I mean break up with") mends its own copy.
  if (words[r.start]!.core === words[r.end]!.core) return false;
  return r.end + ECHOED_OPENING - 1 <= end && saidBefore(words.slice(r.end, r.end + ECHOED_OPENING).map((w) => w.core));
}

/** Auxiliaries that need a verb after their subject ("When did Tancred?" has none); "be" and "have" may be the verb. */
const VERB_AUXILIARIES: ReadonlySet<string> = new Set(["do", "does", "did", "can", "could", "will", "would", "should", "might", "must"]);
/** Wh-words that take a noun after them: "which country", "how many armies" ("how" once "many" or "much" is passed). */
const WH_DETERMINERS: ReadonlySet<string> = new Set(["which", "what", "whose", "how"]);
/** A word in -s or -ed after "what" may be its verb ("What happened?", "What matters?"). */
const VERB_ENDING = /(?:s|ed)$/;

/**
 * "Which county is the most dependent on Arab oil sorry which country?", "When did Amalfi lay siege to
 * Antioch no when did Tancred?": a repair closing the sentence that asks with a wh-phrase alone, or with
 * an auxiliary and a name but no verb, replaces only the question's wh-phrase or subject and leans on
 * the rest of the question said before it. Cutting the question from its start would leave "Which
 * country?"; a wh-word corrected where it stands ("located in what oops I mean which area") is mended.
 */
function ellipticalQuestion(words: readonly WordView[], from: number, end: number): boolean {
  let k = PREPOSITIONS.has(words[from]!.core) ? from + 1 : from;
  const wh = words[k];
  if (wh === undefined || k > end || !WH_WORDS.has(wh.core)) return false;
  if (wh.core === "how" && (words[k + 1]?.core === "many" || words[k + 1]?.core === "much")) k++;
  const rest = words.slice(k + 1, end + 1);
  if (rest.length === 0) return true;
  // "… no rather which ones were?", "who did?": an auxiliary left at the end stands for the verb phrase said before.
  if (rest.length <= 3 && STRANDED.has(rest[rest.length - 1]!.core)) return true;
  // "which country", "how many armies", "what percentage"; "who won", "what happened" ask with a verb.
  if (rest.length === 1) return isContentWord(rest[0]!.core) && WH_DETERMINERS.has(wh.core) && !(wh.core === "what" && VERB_ENDING.test(rest[0]!.core));
  return VERB_AUXILIARIES.has(rest[0]!.core) && rest.length <= 4 && rest.slice(1).every((w) => w.capitalised && !FUNCTION_WORDS.has(w.core));
}

/** Auxiliaries that end an elliptical question when nothing follows them ("which ones were?", "who did?"). */
const STRANDED: ReadonlySet<string> = new Set([...QUESTION_OPENERS, ...VERB_AUXILIARIES]);

/**
 * "What desert is to the east near Nevada no sorry south?", "responsible for what no sorry 34?": one
 * word closing the sentence that cannot take the reparandum's place (a small-letter word for a name
 * inside the sentence, a figure for a wh-word, a word for a figure, an acronym for a word when another
 * was said before) corrects something said earlier.
 */
function cannotStandFor(words: readonly WordView[], r: Removal, end: number, start: number): boolean {
  if (possessorForPossessor(words, r, end, start)) return true;
  if (end !== r.end) return false;
  const said = words[r.start]!;
  const repair = words[r.end]!;
  if (WH_WORDS.has(said.core)) return isFigure(repair.core);
  // "between 1984 and 1991 no sorry decreased?": a word for a figure corrects something else.
  if (isFigure(said.core)) return !isFigure(repair.core);
  if (numberForWord(words, r, start)) return true;
  // "What NBA teams are from Southern California no MLB?": an acronym for a word that is none, with one
  // said before, corrects that one.
  if (repair.acronym && !said.acronym && words.slice(start, r.start).some((w) => w.acronym)) return true;
  // "… main enemy in Italy, the Byzantine Empire and Armenia huh no Normans'?": a possessive likewise.
  if (POSSESSIVE_END.test(repair.core) && !POSSESSIVE_END.test(said.core) && words.slice(start, r.start).some((w) => POSSESSIVE_END.test(w.core))) return true;
  // "When did Harthacnut return no wait that should be Edward?": a name for the small-letter word after a
  // name (the subject's verb, or a name's noun) replaces the name, not the word.
  if (repair.capitalised && !repair.acronym && !said.capitalised && isContentWord(said.core) && r.start - 1 > start &&
    words[r.start - 1]!.capitalised && !FUNCTION_WORDS.has(words[r.start - 1]!.core) && words[r.start - 1]!.trail === "") return true;
  // "What is Denmark a region of uh no France?": a name for small-letter words, with a name said inside the
  // sentence before them, corrects that name.
  if (repair.capitalised && !repair.acronym && !FUNCTION_WORDS.has(repair.core) && words.slice(r.start, r.end).every((w) => !w.capitalised) &&
    words.slice(start + 1, r.start).some((w) => w.capitalised && !w.acronym && !FUNCTION_WORDS.has(w.core))) return true;
  // In a wh-phrase the name stood in a noun's place: "for what Critical Dictionary no sorry library?",
  // "what type of Analogous no resource?".
  const inWhPhrase = hasWhWord(words, Math.max(start, r.start - MAX_WH_PHRASE), r.start);
  return said.capitalised && r.start > start && !inWhPhrase && !repair.capitalised && !isFigure(repair.core);
}

/** How far before the reparandum a number the repair corrects may be said ("five new stores"). */
const NUMBER_REACH = 3;

/**
 * "we opened five new stores or rather six": a one-word repair closing the sentence, a number for a word
 * that is none, with a number said a few words before the reparandum, corrects that number.
 */
function numberForWord(words: readonly WordView[], r: Removal, start: number): boolean {
  const said = words[r.start]!;
  const repair = words[r.end]!;
  return isNumeric(repair.core) && !isNumeric(said.core) && words.slice(Math.max(start, r.start - NUMBER_REACH), r.start).some((w) => isNumeric(w.core));
}

/** Most words of a name closing the sentence as a possessor ("no Manuel Blum's?"). */
const MAX_POSSESSOR_NAME = 3;

/**
 * "What theorem was implicated by Stephen Cook's axioms no Manuel Blum's?": a name of a few words in the
 * possessive closing the sentence, for a reparandum that is none, corrects a possessor said before it.
 */
function possessorForPossessor(words: readonly WordView[], r: Removal, end: number, start: number): boolean {
  const repair = words.slice(r.end, end + 1);
  if (repair.length < 2 || repair.length > MAX_POSSESSOR_NAME || !POSSESSIVE_END.test(words[end]!.core)) return false;
  if (!repair.every((w) => w.capitalised && !FUNCTION_WORDS.has(w.core))) return false;
  return !POSSESSIVE_END.test(words[r.start]!.core) && words.slice(start, r.start).some((w) => POSSESSIVE_END.test(w.core));
}

/**
 * "How are the statocysts spaced no sorry combs not statocysts?" (not "How are the statocysts combs not
 * statocysts?"): the repair closes with "not X" for an X said before the reparandum; or the cue itself
 * disowns such words ("… consortium no not Sky Travel but BSkyB?").
 */
function disownsWordsKept(words: readonly WordView[], r: Removal, end: number, saidBefore: SaidBefore): boolean {
  for (let n = 1; n <= MAX_DISOWNED_TAIL; n++) {
    const not = end - n;
    if (not <= r.end || words[not]!.core !== "not") continue;
    if (saidBefore(words.slice(not + 1, end + 1).map((w) => w.core))) return true;
  }
  if (words[r.end]?.core === "not") {
    const but = words.findIndex((w, k) => k > r.end + 1 && k <= r.end + 1 + MAX_DISOWNED_TAIL && w.core === "but");
    if (but > 0 && saidBefore(words.slice(r.end + 1, but).map((w) => w.core))) return true;
  }
  return false;
}

/**
 * "What is the primary expression used to represent case complexity no wait the three primary
 * expressions?": a short repair closing the sentence names again two words said together before the
 * reparandum, so it corrects that earlier phrase.
 */
function repairsEarlierWords(words: readonly WordView[], r: Removal, end: number, saidBefore: SaidBefore): boolean {
  const content = (w: WordView) => isContentWord(w.core) && !isFigure(w.core);
  // A cue said again at the end ("… the least critical resource rather?") is no word of the repair.
  const last = closingRepairEnd(words, end);
  if (words.slice(r.end, last + 1).filter(content).length > MAX_LATE_REPAIR) return false;
  for (let j = r.end; j < end; j++) {
    if (content(words[j]!) && content(words[j + 1]!) && saidBefore([words[j]!.core, words[j + 1]!.core])) return true;
  }
  return false;
}
