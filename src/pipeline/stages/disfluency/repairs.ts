// Rule `self_repair`: reparandum + editing term + repair, e.g.
//   "we will discuss, uh, I mean we'll explore X" -> "we'll explore X"
//   "Krishna explains, rather, he reveals"        -> "Krishna reveals"
// The editing term (interregnum) is found first; the reparandum is then where
// the repair restarts: (1) a question restarted with a wh-word goes back to the
// sentence start, (2) else back to an earlier copy of the repair's first word
// ("we" ... "we'll"), (3) else one word (a name run for names) when a strong
// editing term makes the correction explicit. Ambiguous cues ("no", "oh",
// fillers) need evidence from (1) or (2); content readings ("I'm sorry",
// "would rather", "wait for") are excluded.
import type { Removal } from "./apply.js";
import { BACKCHANNELS } from "./backchannels.js";
import { isFiller } from "./fillers.js";
import type { DisfluencyOptions } from "./options.js";
import { defaultStart, matchBack, parallelShape, parallelTail } from "./reparandum.js";
import { FUNCTION_WORDS, PREPOSITIONS, QUESTION_OPENERS, sentenceStartOf, SUBJECT_PRONOUNS, WH_WORDS, type WordView } from "./words.js";

/** Explicit correction phrases: on their own they make the repair likely. */
const STRONG_PHRASES: readonly (readonly string[])[] = [
  ["i", "mean", "to", "say"], ["scratch", "that"], ["my", "bad"], ["i", "mean"], ["i", "meant"], ["or", "rather"], ["better", "yet"], ["or", "better"],
  ["i", "should", "say"], ["disregard", "that"], ["no", "wait"], ["or", "wait"], ["or", "no"], ["or", "sorry"],
  ["or", "actually"], ["or", "instead"], ["never", "mind"], ["dang", "it"], ["more", "specifically"],
];
const STRONG_WORDS = new Set(["sorry", "rather", "wait", "actually", "instead", "correction", "oops", "whoops", "nope", "nevermind", "dammit", "doh"]);
/** Adverbs that are content unless set off by commas or joined to another cue ("what actually happened"). */
const CONTENT_PRONE = new Set(["rather", "wait", "actually", "instead"]);
const WEAK_WORDS = new Set(["oh", "ugh", "umm", "uhh", "erm", "er", "um", "uh", "hmm", "or"]);
/** Cue words that only extend a cue already begun ("no wait tell me what ..."). */
const CONTINUATIONS: readonly (readonly string[])[] = [
  ["make", "that"], ["change", "that", "to"], ["tell", "me"], ["i", "guess"], ["let", "me", "rephrase"], ["let", "me", "ask"], ["i", "want", "to", "know"],
  ["i", "wanted", "to", "know"],
];

/** Words before a cue that make it content: "I'm sorry", "would rather", "can't wait", "there's no". */
const CONTENT_BEFORE: Readonly<Record<string, ReadonlySet<string>>> = {
  sorry: new Set(["i'm", "am", "so", "be", "feel", "felt", "was", "were", "is", "are", "very", "really", "too", "you're", "we're", "they're"]),
  rather: new Set(["would", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "had", "'d"]),
  wait: new Set(["to", "will", "can", "can't", "could", "would", "should", "must", "did", "didn't", "not", "just", "please", "i", "we", "they", "you", "i'll", "we'll", "let's", "and", "don't"]),
  no: new Set(["there", "is", "was", "are", "were", "has", "have", "had", "with", "of", "for", "by", "in", "say", "said", "and", "or", "but", "at", "to", "be", "been", "made", "make", "makes", "take", "takes", "took", "get", "got", "gave", "give", "shows", "showed", "need", "yes", "requires", "required", "require", "offered", "offers", "offer",
    "exists", "exist", "existed", "leaves", "left", "poses", "posed", "pose", "bears", "bore", "holds", "held", "needs", "needed", "knows", "knew"]),
};
/** Words after a cue that make it content: "sorry for", "rather than", "wait for", "no longer". */
const CONTENT_AFTER: Readonly<Record<string, ReadonlySet<string>>> = {
  sorry: new Set(["for", "to", "about", "that"]),
  rather: new Set(["than"]),
  wait: new Set(["for", "until", "till", "and", "to", "on"]),
  instead: new Set(["of"]),
  no: new Set(["one", "longer", "more", "matter", "doubt", "way", "less", "other", "sooner", "idea", "such", "two"]),
};
const MAX_RESTART = 15;

interface Interregnum {
  start: number;
  end: number;
  strong: boolean;
  /** Just "no", unpunctuated: "requires no qualifications" is content unless a repair shows. */
  bareNo: boolean;
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
  let hesitationOnly = true;
  for (;;) {
    if (k >= words.length || (k > i && words[k - 1]!.endsSentence)) break;
    const p = STRONG_PHRASES.find((ph) => phraseAt(words, k, ph)) ?? (cues > 0 ? CONTINUATIONS.find((ph) => phraseAt(words, k, ph)) : undefined);
    if (p !== undefined) { strong = true; cues++; k += p.length; onlyOr = hesitationOnly = false; continue; }
    const w = words[k]!;
    if (STRONG_WORDS.has(w.core) && !isContent(words, k, w.core)) {
      const setOff = w.trail === "," || (k > 0 && words[k - 1]!.trail === ",");
      strong ||= !CONTENT_PRONE.has(w.core) || setOff || cues > 0;
      cues++; k++; onlyOr = hesitationOnly = false; continue;
    }
    // After another cue "no" is always one ("sorry no two or more"): the content check is for a bare "no".
    if (w.core === "no" && (cues > 0 || isWhStart(words, k + 1) || !isContent(words, k, "no"))) {
      strong = true; noCount++; cues++; k++; onlyOr = hesitationOnly = false; continue;
    }
    if (WEAK_WORDS.has(w.core) || isFiller(w, o)) { cues++; k++; onlyOr &&= w.core === "or"; continue; }
    break;
  }
  // A bare "or" is a conjunction; it only joins a cue ("or rather", "or uh sorry").
  // A cue closing its sentence has no repair after it in the same sentence.
  if (k === i || k >= words.length || words[k - 1]!.endsSentence) return null;
  // "What instrument or who developed": a bare "or" before a restarted question.
  if (onlyOr && !(k - i === 1 && isWhStart(words, k))) return null;
  const bareNo = cues === 1 && noCount === 1 && words[i]!.trail === "";
  return { start: i, end: k, strong, bareNo, hesitationOnly };
}

function isWhStart(words: readonly WordView[], i: number): boolean {
  const w = words[i];
  if (w === undefined) return false;
  if (WH_WORDS.has(w.core)) return true;
  const next = words[i + 1];
  return PREPOSITIONS.has(w.core) && next !== undefined && WH_WORDS.has(next.core);
}

/** The sentence before the cue reads as a question: "What did ...", "In which ...", "Does ...". */
function isQuestionPrefix(words: readonly WordView[], start: number, end: number): boolean {
  if (end - start > MAX_RESTART) return false;
  return isWhStart(words, start) || QUESTION_OPENERS.has(words[start]!.core) || (end - start > 1 && isWhStart(words, start + 1));
}


function repairAt(words: readonly WordView[], cue: Interregnum): Removal | null {
  const a = cue.start;
  const b = cue.end;
  const sentenceStart = sentenceStartOf(words, a);
  if (a <= sentenceStart) return null;
  if (isWhStart(words, b) && isQuestionPrefix(words, sentenceStart, a)) {
    return { start: sentenceStart, end: b, rule: "self_repair", confidence: cue.strong ? 0.8 : 0.7 };
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
  // Evidence for a one-word reparandum: an explicit cue, or a name corrected by a name ("Germany er Bavaria").
  if (!cue.strong && !(cue.hesitationOnly && nameForName)) return null;
  if (cue.bareNo && !parallelShape(words, sentenceStart, a, repairWord)) return null;
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

/** "State Route 168 no no state route 99 rather?": a cue word closing the repaired sentence goes with the repair. */
function trailingCue(words: readonly WordView[], from: number): number {
  for (let k = from; k < words.length; k++) {
    const w = words[k]!;
    if (!w.endsSentence) { if (w.trail.length > 0) return -1; continue; }
    return k > from && (w.core === "rather" || w.core === "instead") && words[k - 1]!.trail === "" ? k : -1;
  }
  return -1;
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
    const cue = readInterregnum(words, i, o);
    if (cue === null) continue;
    const r = repairAt(words, cue);
    if (r === null) { i = cue.end - 1; continue; }
    found.push(r);
    i = r.end - 1;
    const after = trailingCue(words, r.end);
    if (after >= 0) found.push({ ...r, start: after, end: after + 1 });
  }
  return found;
}
