// Rule `self_repair`: reparandum + editing term + repair, e.g.
//   "we will discuss, uh, I mean we'll explore X" -> "we'll explore X"
//   "Krishna explains, rather, he reveals"        -> "Krishna reveals"
// The editing term (interregnum.ts) is found first; the reparandum is then where
// the repair restarts: (1) a question restarted with a wh-word goes back to the
// sentence start, (2) else back to an earlier copy of the repair's first word
// ("we" ... "we'll"), (3) else one word (a name run for names) when a strong
// editing term makes the correction explicit. Ambiguous cues ("no", "oh",
// fillers) need evidence from (1) or (2). A wh-word corrected by a wh-word
// goes alone; restarts with no cue at all (a word broken off, a question asked
// again) are found by their shape in restarts.ts. Profiles for typed
// text (`typed_corrections`) also read a lone "no"/"rather"/"uh" between two
// like words as a correction.
import type { Removal } from "./apply.js";
import { readInterregnum, type Interregnum } from "./interregnum.js";
import type { DisfluencyOptions } from "./options.js";
import { parallelShape } from "./parallel-shape.js";
import { NAME_PARTICLES } from "./names.js";
import { defaultStart, matchBack, parallelTail, repairArticleAfterDeterminer, unevenTail } from "./reparandum.js";
import { asideClosedAfterRepair, disowningTail, echoedEndingStart, trailingCue, withCountingArticle } from "./repair-span.js";
import { verbWithObjectStart } from "./verb-phrases.js";
import { correctsWordsKept } from "./late-repairs.js";
import { asksOfItsSubject, asksQuestion, isQuestionPrefix, MAX_CUED_QUESTION_RESTART, MAX_RESTART, restartAt, uncuedRestartAt } from "./restarts.js";
import { askedWithNewNoun, askedWithNewVerb, keepCountedNoun, keepRestatedSubject } from "./restated-question.js";
import { ARTICLES, BE_FORMS, COMPASS_POINTS, countsAt, endsInQuestionMark, FUNCTION_WORDS, hasWhWord, HAVE_FORMS, isAuxiliary, isContentWord, isFigure, isParticiple, isWhStart, NOUN_DETERMINERS, PREPOSITIONS, PRESENT_VERB, QUESTION_OPENERS, RESTATING_SUBJECTS, sentenceStartOf, WH_WORDS, type WordView } from "./words.js";

/** Words that open a clause another completes: "if we can do that, we can". */
const CLAUSE_SUBORDINATORS: ReadonlySet<string> = new Set([
  "if", "when", "because", "since", "once", "unless", "while", "although", "though", "whether", "until", "whenever",
]);

/**
 * Where the question restarted at the cue began: the sentence start, or after a
 * comma that sets off an opening phrase ("In U.S. states, why does or what
 * happens"): the phrase is kept for the repaired question. -1 when no question.
 */
function questionStart(words: readonly WordView[], sentenceStart: number, end: number, most: number): number {
  if (isQuestionPrefix(words, sentenceStart, end, most)) return sentenceStart;
  for (let k = end - 2; k >= sentenceStart; k--) {
    if (words[k]!.trail !== ",") continue;
    return isWhStart(words, k + 1) && isQuestionPrefix(words, k + 1, end, most) ? k + 1 : -1;
  }
  return -1;
}


/** A capital mid-sentence on a word that opens questions and is never a name ("Will" is). */
function opensNewQuestion(w: WordView): boolean {
  return w.capitalised && w.core !== "will" && (WH_WORDS.has(w.core) || QUESTION_OPENERS.has(w.core));
}

/** At most this many words before a cue are dropped for a question asked again after it. */
const MAX_ABANDONED_START = 4;
/** Most words of a start with no question in it that "or" and a hesitation abandon for one. */
const MAX_HESITANT_START = 3;

const ADJECTIVE_ENDING = /(?:al|ic|ive|ous|ful|ary|less|able|ible)$/;

/** The repair opens a new sentence: an article, a wh-word, or a capital that is no name corrected by a name. */
function opensAnew(words: readonly WordView[], sentenceStart: number, a: number, b: number): boolean {
  const w = words[b]!;
  // "Iran was the second-smallest no which size": after a longer start a wh-word takes one phrase's place.
  if (WH_WORDS.has(w.core)) return a - sentenceStart <= 2;
  if (ARTICLES.has(w.core)) return true;
  // "A non-deterministic computational no I mean Turing machine": a name before a noun corrects the
  // adjective said in its place; the sentence goes on ("The harbour no Fishing boats leave" restarts).
  const head = words[b + 1];
  if (ADJECTIVE_ENDING.test(words[a - 1]!.core) && head !== undefined && !head.capitalised && !FUNCTION_WORDS.has(head.core)) return false;
  return w.capitalised && w.core !== "i" && !words[a - 1]!.capitalised;
}

/** The sentence from word i asks a question of its own: a wh-word in it, a question mark at its end. */
function asksLater(words: readonly WordView[], i: number): boolean {
  let wh = false;
  for (let k = i; k < words.length; k++) {
    if (WH_WORDS.has(words[k]!.core)) wh = true;
    if (words[k]!.endsSentence) return wh && words[k]!.trail.includes("?");
  }
  return false;
}

/** Words that open a phrase set before a clause: a preposition, a subordinator, "according to". */
const FRONTED_OPENERS: ReadonlySet<string> = new Set([...PREPOSITIONS, ...CLAUSE_SUBORDINATORS, "according", "along", "apart", "aside", "besides"]);
/** Most words of such a phrase. */
const MAX_FRONTED = 8;

/** words[b] opens a phrase of a few words, unbroken but for a closing comma, and a wh-question follows it. */
function frontedBeforeQuestion(words: readonly WordView[], b: number): boolean {
  if (!FRONTED_OPENERS.has(words[b]!.core) || WH_WORDS.has(words[b + 1]?.core ?? "")) return false;
  for (let k = b + 1; k <= b + MAX_FRONTED && k < words.length; k++) {
    const prev = words[k - 1]!;
    if (prev.trail !== "" && prev.trail !== ",") return false;
    if (WH_WORDS.has(words[k]!.core)) return asksQuestion(words, k);
    if (prev.trail === ",") return false;
  }
  return false;
}


function repairAt(words: readonly WordView[], cue: Interregnum, typed: boolean): Removal | null {
  const a = cue.start;
  const b = cue.end;
  const sentenceStart = sentenceStartOf(words, a);
  if (a <= sentenceStart) return null;
  // "If the tops no What happens when ...?", "In computational rather Is a problem ...?": in cased text a
  // capitalised wh-word or auxiliary after a cue opens a new question; the start before it is dropped.
  // Without the question mark it may open a quote ("I told him no Do it now").
  if (opensNewQuestion(words[b]!) && endsInQuestionMark(words, b) && a - sentenceStart <= MAX_RESTART) {
    return { start: sentenceStart, end: b, rule: "self_repair", confidence: 0.6 };
  }
  // "Above which I mean what horsepower", "happen where sorry when breathing": a wh-word
  // corrected by a wh-word; what came before it stays.
  // A lone "or" joins them instead: "I wonder who or what did it".
  const joinedByOr = b - a === 1 && words[a]!.core === "or";
  if (WH_WORDS.has(words[a - 1]!.core) && WH_WORDS.has(words[b]!.core) && a - 1 > sentenceStart && !joinedByOr) {
    return { start: a - 1, end: b, rule: "self_repair", confidence: cue.strong ? 0.75 : 0.6 };
  }
  // "was from where or actually of what ethnicity": a preposition and its wh-word corrected by another pair.
  if (WH_WORDS.has(words[a - 1]!.core) && a - 2 > sentenceStart && PREPOSITIONS.has(words[a - 2]!.core) && words[a - 2]!.trail === "" &&
    PREPOSITIONS.has(words[b]!.core) && WH_WORDS.has(words[b + 1]?.core ?? "") && !joinedByOr) {
    return { start: a - 2, end: b, rule: "self_repair", confidence: cue.strong ? 0.75 : 0.6 };
  }
  // "also include how many no actually what optional soundtracks": "how many" is one wh-phrase.
  if (a - 2 > sentenceStart && countsAt(words, a - 2) && WH_WORDS.has(words[b]!.core) && !joinedByOr) {
    return { start: a - 2, end: b, rule: "self_repair", confidence: cue.strong ? 0.75 : 0.6 };
  }
  // "In cases of shared medium where are or no make that how are packets delivered": a wh-word and
  // its auxiliary corrected by another pair; the words before them stay.
  if (a - 2 > sentenceStart && WH_WORDS.has(words[a - 2]!.core) && isAuxiliary(words[a - 1]!) && WH_WORDS.has(words[b]!.core) &&
    words[b + 1] !== undefined && isAuxiliary(words[b + 1]!) && words[a - 2]!.trail === "" && !joinedByOr) {
    // "Of what does, sorry how is": the preposition belonged to the abandoned wh-phrase.
    const start = PREPOSITIONS.has(words[a - 3]!.core) && words[a - 3]!.trail === "" ? a - 3 : a - 2;
    return { start, end: b, rule: "self_repair", confidence: cue.strong ? 0.75 : 0.6 };
  }
  const most = cue.strong && endsInQuestionMark(words, b) ? MAX_CUED_QUESTION_RESTART : MAX_RESTART;
  const question = isWhStart(words, b) ? questionStart(words, sentenceStart, a, most) : -1;
  // After only "or" or a hesitation a short start is abandoned ("What instrument or who developed"); after a long
  // one, "… a market issue or what?" and "… on the hulu or what's the other one" ask about the last thing said.
  if (question >= 0 && (!cue.hesitationOnly || typed || a - question <= MAX_ABANDONED_START)) {
    const confidence = cue.strong ? 0.8 : 0.7;
    return keepRestatedSubject(words, question, a, b, confidence) ?? keepCountedNoun(words, question, a, b, confidence) ??
      { start: question, end: b, rule: "self_repair", confidence };
  }
  // "What happened no wait until the oil shock how had …", "Who produces, or better yet, before they hire
  // a contractor, what do …": the repair opens with a phrase set before a question of its own; the
  // question abandoned goes whole and the phrase stays with the new one.
  if ((typed || cue.strong) && isQuestionPrefix(words, sentenceStart, a) && frontedBeforeQuestion(words, b)) {
    return { start: sentenceStart, end: b, rule: "self_repair", confidence: 0.6 };
  }
  if (cue.bareAdverb && !parallelShape(words, sentenceStart, a, b, true)) return null;
  // "What type or uh the rate of clearing … was how many square miles?", "Which nation er the Amazon
  // represents … what?": a short start abandoned for a sentence that asks with its own wh-word. Speech
  // needs an explicit cue: "I think uh the question is who?" keeps its start.
  if ((typed || cue.strong) && a - sentenceStart <= MAX_ABANDONED_START && opensAnew(words, sentenceStart, a, b) && asksLater(words, b) &&
    matchBack(words, sentenceStart, a, b) < 0) {
    // "In Mexico oops the US how many …": the preposition governs the repair's phrase too.
    const start = PREPOSITIONS.has(words[sentenceStart]!.core) && ARTICLES.has(words[b]!.core) ? sentenceStart + 1 : sentenceStart;
    return { start, end: b, rule: "self_repair", confidence: 0.6 };
  }
  // "Prior to the founding of sorry no um what historical figure was ...": a start with no
  // question in it, dropped for a whole question after an explicit cue.
  if (cue.strong && (asksQuestion(words, b) || asksOfItsSubject(words, b)) && !hasWhWord(words, sentenceStart, a) && a - sentenceStart <= MAX_RESTART) {
    return { start: sentenceStart, end: b, rule: "self_repair", confidence: 0.6 };
  }
  // "These books or uh where did he begin teaching?": a start of a few words with no question in it, left
  // for a question that asks with its own auxiliary after "or" and a hesitation.
  if (cue.hesitationOnly && words[a]!.core === "or" && b - a > 1 && a - sentenceStart <= MAX_HESITANT_START && asksQuestion(words, b) &&
    endsInQuestionMark(words, b) && !hasWhWord(words, sentenceStart, a)) {
    return { start: sentenceStart, end: b, rule: "self_repair", confidence: 0.55 };
  }
  const echoed = cue.strong ? echoedEndingStart(words, sentenceStart, a, b) : -1;
  if (echoed >= 0) return { start: echoed, end: b, rule: "self_repair", confidence: 0.75 };
  const matched = matchBack(words, sentenceStart, a, b, cue.strong);
  if (matched < 0 && cue.needsEcho) return null;
  if (matched < 0 && (typed || cue.strong)) {
    const askedAgain = askedWithNewNoun(words, sentenceStart, a, b) ?? askedWithNewVerb(words, sentenceStart, a, b);
    if (askedAgain !== null) return askedAgain;
    const verb = verbWithObjectStart(words, sentenceStart, a, b);
    if (verb >= 0) return { start: verb, end: b, rule: "self_repair", confidence: 0.6 };
  }
  if (matched >= 0) {
    const parallel = words[matched + 1]?.core === words[b + 1]?.core;
    // A bare "uh" between two far-apart "the"s is a pause, not a restart.
    if (cue.hesitationOnly && !parallel && a - matched > 2) return null;
    // "if we can do that, um, we can make it": a clause a subordinator opened is finished, and the
    // next one begins as it did.
    if (cue.hesitationOnly && a - matched > 2 && CLAUSE_SUBORDINATORS.has(words[matched - 1]?.core ?? "")) return null;
    return { start: matched, end: b, rule: "self_repair", confidence: (cue.strong ? 0.75 : 0.6) + (parallel ? 0.1 : 0) };
  }
  const repairWord = words[b]!;
  // "What type of steam engine I meant to say is a variant of": after an explicit cue an auxiliary asks
  // the opening wh-word's question anew; the noun phrase said after the wh-word goes.
  if (cue.strong && isAuxiliary(repairWord) && WH_WORDS.has(words[sentenceStart]!.core) && nounPhraseOnly(words, sentenceStart + 1, a) &&
    !verbForSingularAuxiliary(words[a - 1]!, repairWord)) {
    return { start: sentenceStart + 1, end: b, rule: "self_repair", confidence: 0.6 };
  }
  // Capitals count as names only away from the sentence start (where casing put them).
  const nameForName = a - 1 > sentenceStart && words[a - 1]!.capitalised && repairWord.capitalised;
  // A repair echoing the reparandum's tail is evidence even after a bare "uh" ("first law, uh, third law").
  const tail = parallelTail(words, sentenceStart, a, b);
  if (tail >= 0 && (cue.strong || cue.hesitationOnly)) return { start: tail, end: b, rule: "self_repair", confidence: cue.strong ? 0.7 : 0.55 };
  const uneven = cue.strong && !cue.bare ? unevenTail(words, sentenceStart, a, b) : -1;
  if (uneven >= 0) return { start: uneven, end: b, rule: "self_repair", confidence: 0.65 };
  // A figure corrected by a figure: "in 1700 er uh 1705", "articles 1 to 7, uh 4".
  const figureForFigure = isFigure(words[a - 1]!.core) && isFigure(repairWord.core);
  // A compass point corrected by another: "snow in the southeast er Southwest of the state".
  // After an article: "went north, uh, east, and then south" lists the ways gone.
  const directionForDirection = COMPASS_POINTS.has(words[a - 1]!.core) && COMPASS_POINTS.has(repairWord.core) && words[a - 1]!.core !== repairWord.core &&
    ARTICLES.has(words[a - 2]?.core ?? "") && words[a - 2]!.trail === "";
  // Evidence for a one-word reparandum: an explicit cue, or a name corrected by a name ("Germany er Bavaria").
  if (!cue.strong && !(cue.hesitationOnly && (nameForName || figureForFigure || directionForDirection))) return null;
  if (cue.bare && !parallelShape(words, sentenceStart, a, b, typed)) return null;
  // "the best race he could have run, I mean, short of winning", "that mission, I mean, even guys": a
  // word that opens a comment, not a phrase, says the speaker goes on rather than corrects one word.
  if (COMMENT_OPENERS.has(repairWord.core)) return null;
  const s = withCountingArticle(words, sentenceStart, withPassiveAuxiliary(words, sentenceStart, defaultStart(words, sentenceStart, a, b), a, repairWord), b);
  if (s < 0) return null;
  // "oil price up or down, I mean it's some macro view": "I mean" before a clause of its own explains; the word
  // before it stands, and only "I mean" fills.
  if (s === a - 1 && saysIMean(words, a, b) && EXPLAINING_SUBJECTS.has(repairWord.core)) return { start: a, end: b, rule: "discourse_filler", confidence: 0.6 };
  // Nothing corrected: "I mean" after a conjunction only fills ("But I mean we know"); other cues are content there.
  if (s === a) return saysIMean(words, a, b) ? { start: a, end: b, rule: "discourse_filler", confidence: 0.6 } : null;
  // "Krishna explains, rather, he reveals", "The king explained it, rather, he revealed it": a pronoun
  // restates the sentence's subject, and the repair replaces all that came after the subject. With no
  // subject to restate, one word replaced by a clause would read as nonsense ("banned the he ended it").
  if (s > sentenceStart && RESTATING_SUBJECTS.has(repairWord.core) && b + 1 < words.length && !FUNCTION_WORDS.has(words[b + 1]!.core)) {
    const subjectEnd = sentenceSubjectEnd(words, sentenceStart, a);
    return subjectEnd < 0 ? null : { start: subjectEnd, end: b + 1, rule: "self_repair", confidence: 0.55 };
  }
  // A question of its own (a wh-word and its auxiliary) does not stand for a word or two said before the cue
  // ("… multi-tape Turing machine no remove that and tell me what is not …"): no restart found, nothing is cut.
  if (asksQuestion(words, b) && !WH_WORDS.has(words[s]!.core)) return null;
  return { start: s, end: b + repairArticleAfterDeterminer(words, s, b), rule: "self_repair", confidence: cue.strong ? 0.6 : 0.55 };
}

/** The cue is "I mean" and nothing else. */
function saysIMean(words: readonly WordView[], a: number, b: number): boolean {
  return b - a === 2 && words[a]!.core === "i" && words[a + 1]!.core === "mean";
}
/** A clause's subject with its verb, or one no earlier subject is restated by: "it's", "there's", "that's". */
const EXPLAINING_SUBJECTS: ReadonlySet<string> = new Set(["it's", "that's", "there's", "it", "there"]);

/**
 * "Who normally is involved no supervises", "catalysts are produced no can be used": a participle after
 * "be" or "have" corrected by a finite verb or a modal takes its auxiliary along ("is supervises" reads as nonsense).
 */
function withPassiveAuxiliary(words: readonly WordView[], sentenceStart: number, s: number, a: number, repair: WordView): number {
  if (s !== a - 1 || s - 1 < sentenceStart || !isParticiple(words[s]!.core)) return s;
  const auxiliary = words[s - 1]!;
  if (auxiliary.trail !== "" || !(BE_FORMS.has(auxiliary.core) || HAVE_FORMS.has(auxiliary.core))) return s;
  return PRESENT_VERB.test(repair.core) || QUESTION_OPENERS.has(repair.core) ? s - 1 : s;
}

/**
 * Where the sentence's subject ends when it is a name ("Krishna", "Kublai Khan") or a determiner and
 * one noun ("The king") with more of the clause after it before `a`; -1 otherwise.
 */
function sentenceSubjectEnd(words: readonly WordView[], sentenceStart: number, a: number): number {
  const first = words[sentenceStart]!;
  const determined = NOUN_DETERMINERS.has(first.core);
  const head = determined ? sentenceStart + 1 : sentenceStart;
  if (head >= a) return -1;
  let e: number;
  if (words[head]!.capitalised && !FUNCTION_WORDS.has(words[head]!.core) && !WH_WORDS.has(words[head]!.core)) {
    // A name runs on over capitals and the particles inside one ("The European Court of Justice").
    e = head + 1;
    while (e < a && (words[e]!.capitalised || ((words[e]!.core === "of" || NAME_PARTICLES.has(words[e]!.core)) && words[e + 1]?.capitalised === true))) e++;
  } else if (determined) e = head + 1;
  else return -1;
  for (let k = sentenceStart; k < e - 1; k++) if (words[k]!.trail !== "") return -1;
  return e < a ? e : -1;
}

/**
 * "What element constitutes no has": before a singular auxiliary a word in -s is a verb it corrects,
 * since a plural noun would take "are", "have", "do" or "were".
 */
function verbForSingularAuxiliary(before: WordView, auxiliary: WordView): boolean {
  return SINGULAR_AUXILIARIES.has(auxiliary.core) && before.core.length > 3 && before.core.endsWith("s") && !before.core.endsWith("ss");
}
const SINGULAR_AUXILIARIES: ReadonlySet<string> = new Set(["is", "was", "has", "does"]);

/** Most words of the noun phrase a wh-word opens ("type of steam engine"). */
const MAX_WH_NOUN_PHRASE = 5;

/** words[from, to) is a short noun phrase with no verb or pause in it: content words, "of", articles. */
function nounPhraseOnly(words: readonly WordView[], from: number, to: number): boolean {
  if (to <= from || to - from > MAX_WH_NOUN_PHRASE) return false;
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    if ((k < to - 1 && w.trail !== "") || isAuxiliary(w) || !(isContentWord(w.core) || w.core === "of" || ARTICLES.has(w.core))) return false;
  }
  return true;
}

/** Words that open a comment on what was said, never a word put in another's place. */
const COMMENT_OPENERS: ReadonlySet<string> = new Set([
  "even", "yes", "yeah", "no", "if", "when", "because", "so", "but", "and", "obviously", "honestly", "basically", "literally",
  "just", "look", "well", "short", "especially", "frankly", "seriously", "anyway",
]);

export function findSelfRepairs(words: readonly WordView[], o: DisfluencyOptions): Removal[] {
  const found: Removal[] = [];
  for (let i = 0; i < words.length; i++) {
    const restart = restartAt(words, i, o);
    if (restart !== null) {
      found.push(restart);
      continue;
    }
    if (i === 0) continue;
    const uncued = uncuedRestartAt(words, i);
    if (uncued !== null) {
      found.push(uncued);
      continue;
    }
    const cue = readInterregnum(words, i, o);
    if (cue === null) continue;
    const r = repairAt(words, cue, o.typedCorrections);
    if (r === null || correctsWordsKept(words, r, cue.start)) { i = cue.end - 1; continue; }
    const closingComma = asideClosedAfterRepair(words, r, cue.start);
    found.push(closingComma < 0 ? r : { ...r, closingComma });
    i = r.end - 1;
    const after = trailingCue(words, r.end);
    if (after !== null) found.push({ ...r, ...after });
    const disowned = disowningTail(words, r);
    if (disowned !== null) found.push(disowned);
  }
  return found;
}
