// Rule `self_repair`: reparandum + editing term + repair, e.g.
//   "we will discuss, uh, I mean we'll explore X" -> "we'll explore X"
//   "Krishna explains, rather, he reveals"        -> "Krishna reveals"
// The editing term (interregnum) is found first; the reparandum is then where
// the repair restarts: (1) a question restarted with a wh-word goes back to the
// sentence start, (2) else back to an earlier copy of the repair's first word
// ("we" ... "we'll"), (3) else one word (a name run for names) when a strong
// editing term makes the correction explicit. Ambiguous cues ("no", "oh",
// fillers) need evidence from (1) or (2); content readings ("I'm sorry",
// "would rather", "wait for") are excluded. A wh-word corrected by a wh-word
// goes alone; a question asked again without any cue ("What gorge is known for
// its many what gorge is between ...") is found by its shape. Profiles for typed
// text (`typed_corrections`) also read a lone "no"/"rather"/"uh" between two
// like words as a correction.
import type { Removal } from "./apply.js";
import { BACKCHANNELS } from "./backchannels.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { defaultStart, matchBack, parallelShape, parallelTail } from "./reparandum.js";
import { BE_FORMS, FUNCTION_WORDS, PREPOSITIONS, QUESTION_OPENERS, sentenceStartOf, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

/** Explicit correction phrases: on their own they make the repair likely. */
const STRONG_PHRASES: readonly (readonly string[])[] = [
  ["i", "mean", "to", "say"], ["scratch", "that"], ["my", "bad"], ["i", "mean"], ["i", "meant"], ["or", "rather"], ["better", "yet"], ["or", "better"],
  ["i", "should", "say"], ["disregard", "that"], ["no", "wait"], ["or", "wait"], ["or", "no"], ["or", "sorry"],
  ["or", "actually"], ["or", "instead"], ["never", "mind"], ["dang", "it"], ["more", "specifically"], ["pardon", "me"],
  ["i", "actually", "meant"], ["i", "actually", "mean"], ["meant", "to", "say"], ["i", "meant", "to", "say"], ["or", "let", "me", "say"],
  ["or", "better", "yet"], ["i", "meant", "to", "ask"], ["i", "mean", "to", "ask"],
].sort((x, y) => y.length - x.length); // the longest phrase wins: "or better yet", not "or better" + "yet"
/**
 * Phrases a writer types to correct, which in speech offer an alternative ("Paris or maybe
 * London", "in Quebec or more generally Canada"): cues only where the profile says the
 * input is typed.
 */
const TYPED_PHRASES: readonly (readonly string[])[] = [
  ["or", "more", "generally"], ["or", "maybe", "it", "was"], ["or", "i", "think"], ["or", "first"],
  ["first", "tell", "me"], ["no", "better", "yet"], ["no", "better"],
].sort((x, y) => y.length - x.length);
/** A typed correction phrase at i; "or first" only before a question ("what was, or first, who are"), not "eat or first shower". */
function typedPhraseAt(words: readonly WordView[], i: number): readonly string[] | undefined {
  const p = TYPED_PHRASES.find((ph) => phraseAt(words, i, ph));
  if (p !== undefined && p[p.length - 1] === "first" && !isWhStart(words, i + p.length)) return undefined;
  return p;
}
const STRONG_WORDS = new Set(["sorry", "rather", "wait", "actually", "instead", "correction", "oops", "whoops", "nope", "nevermind", "dammit", "doh"]);
/** Adverbs that are content unless set off by commas or joined to another cue ("what actually happened"). */
const CONTENT_PRONE = new Set(["rather", "wait", "actually", "instead"]);
const WEAK_WORDS = new Set(["oh", "ugh", "umm", "uhh", "erm", "er", "um", "uh", "hmm", "ah", "ahh", "or"]);
/** Hesitation sounds however long the writer drew them out ("errr", "ummm", "hm"). */
const HESITATION = /^(?:u+m+|u+h+|e+r+m*|a+h+|h+m+)$/;
/** Cue words that only extend a cue already begun ("no wait tell me what ..."). */
const CONTINUATIONS: readonly (readonly string[])[] = [
  ["make", "that"], ["change", "that", "to"], ["tell", "me"], ["i", "guess"], ["let", "me", "rephrase"], ["let", "me", "ask"], ["i", "want", "to", "know"],
  ["i", "wanted", "to", "know"], ["that", "should", "be"], ["that", "would", "be"], ["i'm", "sorry"], ["i", "am", "sorry"],
  ["tell", "me", "about"], ["i'd", "like", "to", "know"], ["i", "want", "to", "ask", "about"], ["i", "wanted", "to", "ask", "about"],
  ["what", "i", "really", "want", "to", "know", "is"], ["i", "really", "want", "to", "know"], ["it", "was"], ["it's", "called"],
  ["his", "name", "is"], ["her", "name", "is"], ["it", "should", "be"], ["stop"],
].sort((x, y) => y.length - x.length);
/** Disowning what was just said ("no, not that", "nope that's not right"): only after an explicit cue, since "uh, not that you care" is content. */
const DISOWNING: readonly (readonly string[])[] = [
  ["not", "that", "but"], ["not", "that"], ["that", "is", "not", "right"], ["that's", "not", "right"],
];

/** Words before a cue that make it content: "I'm sorry", "would rather", "can't wait", "there's no". */
const CONTENT_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  sorry: new Set(["i'm", "am", "so", "be", "feel", "felt", "was", "were", "is", "are", "very", "really", "too", "you're", "we're", "they're"]),
  rather: new Set(["would", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "had", "'d"]),
  wait: new Set(["to", "will", "can", "can't", "could", "would", "should", "must", "did", "didn't", "not", "just", "please", "i", "we", "they", "you", "i'll", "we'll", "let's", "and", "don't", "cannot", "couldn't", "won't", "wouldn't", "gonna", "gotta", "the", "a", "long"]),
  no: new Set(["there", "is", "was", "are", "were", "has", "have", "had", "with", "of", "for", "by", "in", "say", "said", "and", "or", "but", "at", "to", "be", "been", "made", "make", "makes", "take", "takes", "took", "get", "got", "gave", "give", "shows", "showed", "need", "yes", "requires", "required", "require", "offered", "offers", "offer",
    "exists", "exist", "existed", "leaves", "left", "poses", "posed", "pose", "bears", "bore", "holds", "held", "needs", "needed", "knows", "knew",
    "find", "finds", "found", "see", "sees", "saw", "seen", "win", "wins", "won", "pay", "pays", "paid", "receive", "receives", "received",
    "bear", "show", "felt", "feel", "feels", "hear", "heard", "lose", "lost", "keep", "keeps", "kept", "send", "sent", "allow", "allows",
    "allowed", "want", "wants", "wanted", "do", "does", "did", "means", "meant", "almost", "virtually", "practically", "nearly",
    "absolutely", "basically", "essentially", "just", "really", "definitely", "certainly", "simply", "hardly", "yield", "yields", "yielded",
    "produce", "produces", "produced", "play", "plays", "played", "cause", "causes", "caused", "provide", "provides", "provided", "contain",
    "contains", "contained", "score", "scored", "scores", "ask", "asks", "asked", "answer", "answered", "no", "note", "mind", ...BE_FORMS]),
};
/** Words after a cue that make it content: "sorry for", "rather than", "wait for", "no longer". */
const CONTENT_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  sorry: new Set(["for", "to", "about", "that"]),
  rather: new Set(["than"]),
  wait: new Set(["for", "until", "till", "and", "to", "on"]),
  instead: new Set(["of"]),
  no: new Set(["one", "longer", "more", "matter", "doubt", "way", "less", "other", "sooner", "idea", "such", "two", "wonder", "problem", "big", "thanks"]),
};
/** "no" before an article is never the determiner ("cause no the solution", "function of no the minimum"): a cue whatever precedes it. */
const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an"]);
const MAX_RESTART = 15;
/** Words between a wh-word and its auxiliary: "what kind of economy does". */
const MAX_WH_PHRASE = 3;
const DIGITS = /^\d[\d.,]*$/;

interface Interregnum {
  start: number;
  end: number;
  strong: boolean;
  /** Just "no" (or "rather", "wait", "instead"), unpunctuated: "requires no qualifications" is content unless a repair shows. */
  bare: boolean;
  /** The cue is a lone adverb ("rather"): only a like-for-like one-word repair counts. */
  bareAdverb: boolean;
  /** Only hesitation sounds (and "or"): evidence for a repair must come from the words around it. */
  hesitationOnly: boolean;
}

function isContent(words: readonly WordView[], i: number, cue: string): boolean {
  const prev = i > 0 ? words[i - 1]! : undefined;
  const next = i + 1 < words.length ? words[i + 1]! : undefined;
  return (prev !== undefined && prev.trail.length === 0 && CONTENT_BEFORE[cue]?.has(prev.core) === true) ||
    (next !== undefined && words[i]!.trail.length === 0 && CONTENT_AFTER[cue]?.has(next.core) === true);
}

function phraseAt(words: readonly WordView[], i: number, p: readonly string[]): boolean {
  if (i + p.length > words.length) return false;
  for (let k = 0; k < p.length; k++) {
    if (words[i + k]!.core !== p[k]) return false;
    if (k < p.length - 1 && words[i + k]!.trail.length > 0) return false;
  }
  return true;
}

/** The run of cue words starting at i, or null when it is not a correction cue. */
function readInterregnum(words: readonly WordView[], i: number, o: DisfluencyOptions): Interregnum | null {
  let k = i;
  let strong = false;
  let cues = 0;
  let onlyOr = true;
  let noCount = 0;
  let bareAdverb = false;
  let hesitationOnly = true;
  for (;;) {
    if (k >= words.length || (k > i && words[k - 1]!.endsSentence)) break;
    const p = STRONG_PHRASES.find((ph) => phraseAt(words, k, ph)) ?? (o.typedCorrections ? typedPhraseAt(words, k) : undefined) ??
      (cues > 0 ? CONTINUATIONS.find((ph) => phraseAt(words, k, ph)) : undefined) ??
      (cues > 0 && !hesitationOnly ? DISOWNING.find((ph) => phraseAt(words, k, ph)) : undefined);
    if (p !== undefined) { strong = true; cues++; k += p.length; onlyOr = hesitationOnly = false; continue; }
    const w = words[k]!;
    if (STRONG_WORDS.has(w.core) && !isContent(words, k, w.core)) {
      // "analyze instead uh convey": a hesitation right after marks the adverb as a cue too.
      const next = words[k + 1];
      const setOff = w.trail === "," || (k > 0 && words[k - 1]!.trail === ",") ||
        (w.trail === "" && next !== undefined && (isFiller(next, o) || WEAK_WORDS.has(next.core)) && next.core !== "or");
      const explicit = !CONTENT_PRONE.has(w.core) || setOff || cues > 0;
      // "England rather Germany", "area wait river": a lone adverb between two words is a cue only when
      // the two read as like for like (checked with the repair). "actually" is too common an adverb for that.
      bareAdverb = o.typedCorrections && !explicit && cues === 0 && w.core !== "actually";
      strong ||= explicit || bareAdverb;
      cues++; k++; onlyOr = hesitationOnly = false; continue;
    }
    // After another cue "no" is always one ("sorry no two or more"): the content check is for a bare "no".
    // A capital "No" inside a sentence is a name ("a show called No Ego").
    if (w.core === "no" && !(w.capitalised && k > 0 && !words[k - 1]!.endsSentence) &&
      (cues > 0 || isWhStart(words, k + 1) || cueFollows(words, k + 1) || ARTICLES.has(words[k + 1]?.core ?? "") || !isContent(words, k, "no"))) {
      strong = true; noCount++; cues++; k++; onlyOr = hesitationOnly = false; continue;
    }
    if (WEAK_WORDS.has(w.core) || HESITATION.test(w.core) || isFiller(w, o)) { cues++; k++; onlyOr &&= w.core === "or"; continue; }
    break;
  }
  // A bare "or" is a conjunction; it only joins a cue ("or rather", "or uh sorry").
  // A cue closing its sentence has no repair after it in the same sentence.
  if (k === i || k >= words.length || words[k - 1]!.endsSentence) return null;
  // "What instrument or who developed": a bare "or" before a restarted question.
  if (onlyOr && !(k - i === 1 && isWhStart(words, k))) return null;
  const bare = cues === 1 && ((noCount === 1 && words[i]!.trail === "") || bareAdverb);
  // Typed text: a hesitation between two words is the writer's correction mark ("region er uh nation").
  if (o.typedCorrections && hesitationOnly && !onlyOr) strong = true;
  return { start: i, end: k, strong, bare, bareAdverb: bareAdverb && cues === 1, hesitationOnly };
}

/** "did no make that what": a "no" that another cue continues is a cue, whatever precedes it. */
function cueFollows(words: readonly WordView[], i: number): boolean {
  const w = words[i];
  if (w === undefined || words[i - 1]!.trail.length > 0) return false;
  return (STRONG_WORDS.has(w.core) && !CONTENT_PRONE.has(w.core)) || CONTINUATIONS.some((p) => phraseAt(words, i, p)) ||
    STRONG_PHRASES.some((p) => phraseAt(words, i, p));
}

function isWhStart(words: readonly WordView[], i: number): boolean {
  const w = words[i];
  if (w === undefined) return false;
  if (WH_WORDS.has(w.core)) return true;
  const next = words[i + 1];
  return PREPOSITIONS.has(w.core) && next !== undefined && WH_WORDS.has(next.core);
}

function hasWhWord(words: readonly WordView[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (WH_WORDS.has(words[k]!.core)) return true;
  return false;
}

/**
 * A question opens at `i`: a wh-word (or "in what") then an auxiliary, directly or
 * after a short noun phrase ("what year did", "what kind of economy does").
 */
function asksQuestion(words: readonly WordView[], i: number): boolean {
  const wh = PREPOSITIONS.has(words[i]?.core ?? "") ? i + 1 : i;
  const q = words[wh];
  if (q === undefined || !WH_WORDS.has(q.core)) return false;
  for (let k = wh + 1; k <= wh + 1 + MAX_WH_PHRASE && k < words.length; k++) {
    const w = words[k]!;
    if (QUESTION_OPENERS.has(w.core)) return k === wh + 1 || !FUNCTION_WORDS.has(words[wh + 1]!.core);
    if (w.trail.length > 0 || WH_WORDS.has(w.core) || (FUNCTION_WORDS.has(w.core) && w.core !== "of")) return false;
  }
  return false;
}

/** The sentence before the cue reads as a question: "What did ...", "In which ...", "Does ...". */
function isQuestionPrefix(words: readonly WordView[], start: number, end: number): boolean {
  if (end - start > MAX_RESTART) return false;
  return isWhStart(words, start) || QUESTION_OPENERS.has(words[start]!.core) || (end - start > 1 && isWhStart(words, start + 1));
}

/**
 * Where the question restarted at the cue began: the sentence start, or after a
 * comma that sets off an opening phrase ("In U.S. states, why does or what
 * happens"): the phrase is kept for the repaired question. -1 when no question.
 */
function questionStart(words: readonly WordView[], sentenceStart: number, end: number): number {
  if (isQuestionPrefix(words, sentenceStart, end)) return sentenceStart;
  for (let k = end - 2; k >= sentenceStart; k--) {
    if (words[k]!.trail !== ",") continue;
    return isWhStart(words, k + 1) && isQuestionPrefix(words, k + 1, end) ? k + 1 : -1;
  }
  return -1;
}


function repairAt(words: readonly WordView[], cue: Interregnum, typed: boolean): Removal | null {
  const a = cue.start;
  const b = cue.end;
  const sentenceStart = sentenceStartOf(words, a);
  if (a <= sentenceStart) return null;
  // "Above which I mean what horsepower", "happen where sorry when breathing": a wh-word
  // corrected by a wh-word; what came before it stays.
  // A lone "or" joins them instead: "I wonder who or what did it".
  const joinedByOr = b - a === 1 && words[a]!.core === "or";
  if (WH_WORDS.has(words[a - 1]!.core) && WH_WORDS.has(words[b]!.core) && a - 1 > sentenceStart && !joinedByOr) {
    return { start: a - 1, end: b, rule: "self_repair", confidence: cue.strong ? 0.75 : 0.6 };
  }
  const question = isWhStart(words, b) ? questionStart(words, sentenceStart, a) : -1;
  if (question >= 0) return { start: question, end: b, rule: "self_repair", confidence: cue.strong ? 0.8 : 0.7 };
  if (cue.bareAdverb && !parallelShape(words, sentenceStart, a, words[b]!, true)) return null;
  // "Prior to the founding of sorry no um what historical figure was ...": a start with no
  // question in it, dropped for a whole question after an explicit cue.
  if (cue.strong && asksQuestion(words, b) && !hasWhWord(words, sentenceStart, a) && a - sentenceStart <= MAX_RESTART) {
    return { start: sentenceStart, end: b, rule: "self_repair", confidence: 0.6 };
  }
  const matched = matchBack(words, sentenceStart, a, b);
  if (matched >= 0) {
    const parallel = words[matched + 1]?.core === words[b + 1]?.core;
    // A bare "uh" between two far-apart "the"s is a pause, not a restart.
    if (cue.hesitationOnly && !parallel && a - matched > 2) return null;
    return { start: matched, end: b, rule: "self_repair", confidence: (cue.strong ? 0.75 : 0.6) + (parallel ? 0.1 : 0) };
  }
  const repairWord = words[b]!;
  // Capitals count as names only away from the sentence start (where casing put them).
  const nameForName = a - 1 > sentenceStart && words[a - 1]!.capitalised && repairWord.capitalised;
  // A repair echoing the reparandum's tail is evidence even after a bare "uh" ("first law, uh, third law").
  const tail = parallelTail(words, sentenceStart, a, b);
  if (tail >= 0 && (cue.strong || cue.hesitationOnly)) return { start: tail, end: b, rule: "self_repair", confidence: cue.strong ? 0.7 : 0.55 };
  // A figure corrected by a figure: "in 1700 er uh 1705", "articles 1 to 7, uh 4".
  const figureForFigure = DIGITS.test(words[a - 1]!.core) && DIGITS.test(repairWord.core);
  // Evidence for a one-word reparandum: an explicit cue, or a name corrected by a name ("Germany er Bavaria").
  if (!cue.strong && !(cue.hesitationOnly && (nameForName || figureForFigure))) return null;
  if (cue.bare && !parallelShape(words, sentenceStart, a, repairWord, typed)) return null;
  const s = defaultStart(words, sentenceStart, a, b);
  if (s < 0) return null;
  // "Krishna explains, rather, he reveals": the pronoun restates a subject already said.
  const before = s - 1 >= sentenceStart ? words[s - 1] : undefined;
  const pronounRestates = before !== undefined && SUBJECT_PRONOUNS.has(words[b]!.core) && b + 1 < words.length &&
    !FUNCTION_WORDS.has(before.core) && before.trail.length === 0;
  const confidence = pronounRestates || !cue.strong ? 0.55 : 0.6;
  return { start: s, end: pronounRestates ? b + 1 : b, rule: "self_repair", confidence };
}

/** A word broken off ("the-", "so—") or trailed off ("the…") before the speaker restarts. */
function cutOffKind(w: WordView): "cut" | "trail" | null {
  if (w.core === "") return null;
  if (w.trail === "-") return "cut";
  if (w.trail === "\u2014" || w.trail === "\u2026" || w.trail === "...") return "trail";
  return null;
}

/**
 * "which is the… which is a" / "I don't- I don't know": a break-off works as a
 * zero-width editing term; the restart is matched back like any repair. An
 * unmatched hyphen cut-off ("the end of the- because") loses only the broken word.
 */
function restartAt(words: readonly WordView[], k: number, o: DisfluencyOptions): Removal | null {
  const kind = cutOffKind(words[k]!);
  if (kind === null || k + 1 >= words.length) return null;
  const sentenceStart = sentenceStartOf(words, k + 1);
  const matched = matchBack(words, sentenceStart, k + 1, k + 1);
  if (matched >= 0 && matched < k + 1 && k + 1 - matched <= 4) {
    return { start: matched, end: k + 1, rule: "self_repair", confidence: 0.7 };
  }
  // "them- Yeah. standing there": the listener cut in; the speaker's word was finished, not abandoned.
  const next = words[k + 1]!;
  if (BACKCHANNELS.has(next.core) || isFiller(next, o)) return null;
  return kind === "cut" ? { start: k, end: k + 1, rule: "self_repair", confidence: 0.65 } : null;
}

const TRAILING_CUES: ReadonlySet<string> = new Set(["rather", "instead", "sorry"]);

/** "State Route 168 no no state route 99 rather?": a cue word closing the repaired sentence goes with the repair. */
function trailingCue(words: readonly WordView[], from: number): number {
  for (let k = from; k < words.length; k++) {
    const w = words[k]!;
    if (!w.endsSentence) { if (w.trail.length > 0) return -1; continue; }
    return k > from && TRAILING_CUES.has(w.core) && words[k - 1]!.trail === "" ? k : -1;
  }
  return -1;
}

/** How far into the repair a "not X" disowning the reparandum is looked for. */
const MAX_DISOWN_DISTANCE = 8;

/**
 * "which famous writer, no sorry, which famous evolutionist not writer was ...", "the first
 * American, no, the first European not American": the repair disowns a word of the
 * reparandum; with the reparandum gone, "not writer" refers to nothing and goes with it.
 */
function disowningTail(words: readonly WordView[], r: Removal): Removal | null {
  const said = new Set<string>();
  for (let k = r.start; k < r.end; k++) if (!FUNCTION_WORDS.has(words[k]!.core)) said.add(words[k]!.core);
  for (let k = r.end; k < Math.min(words.length - 1, r.end + MAX_DISOWN_DISTANCE); k++) {
    const w = words[k]!;
    if (w.core === "not" && w.trail === "" && said.has(words[k + 1]!.core)) return { ...r, start: k, end: k + 2 };
    if (w.endsSentence) break;
  }
  return null;
}

/** Words a wh-word can follow as their object or complement: "know what", "of what", "is what", "tell me what". */
const WH_GOVERNORS: ReadonlySet<string> = new Set([
  "know", "knew", "knows", "tell", "told", "ask", "asked", "say", "said", "says", "explain", "explains", "explained", "determine",
  "determines", "determined", "decide", "decides", "decided", "show", "shows", "showed", "see", "saw", "describe", "describes",
  "described", "mean", "means", "meant", "call", "called", "calls", "wonder", "learn", "learned", "understand", "matter", "matters",
]);
const UNCUED_RESTART_CONFIDENCE = 0.6;

/**
 * "What gorge is known for its many what gorge is between ...", "When are Where are
 * ...": a question abandoned without any cue and asked again. The second question
 * opens with a wh-word (capitalised inside the sentence, or an ungoverned "what"/
 * "how", or "in what" + noun) followed by a verb-like auxiliary, as a question
 * does; a relative "who"/"which"/"where" in lowercase ("the man who was") and a
 * clause after a preposition ("the size of what is called") never count.
 */
function uncuedRestartAt(words: readonly WordView[], i: number): Removal | null {
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
  // "Where did who was ...", "Who were how did ...": a wh-word and its auxiliary, then another question.
  const brokenOffAtOnce = wh === i && i - sentenceStart === 2 && WH_WORDS.has(words[sentenceStart]!.core) && QUESTION_OPENERS.has(prev.core);
  const capitalised = (q.capitalised && wh === i) || brokenOffAtOnce;
  if (!capitalised && q.core !== "what" && q.core !== "how") return null;
  if (!capitalised && (FUNCTION_WORDS.has(prev.core) || WH_GOVERNORS.has(prev.core) || BE_FORMS.has(prev.core) || prev.core.endsWith("'s"))) return null;
  if (!asksQuestion(words, i)) return null;
  if (i - sentenceStart < 2 || !isQuestionPrefix(words, sentenceStart, i)) return null;
  return { start: sentenceStart, end: i, rule: "self_repair", confidence: UNCUED_RESTART_CONFIDENCE };
}

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
    if (r === null) { i = cue.end - 1; continue; }
    found.push(r);
    i = r.end - 1;
    const after = trailingCue(words, r.end);
    if (after >= 0) found.push({ ...r, start: after, end: after + 1 });
    const disowned = disowningTail(words, r);
    if (disowned !== null) found.push(disowned);
  }
  return found;
}
