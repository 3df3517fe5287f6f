// punctuation: restores sentence ends, question marks and commas in text the
// ASR left unpunctuated, before casing capitalises what follows a sentence end.
// - ASR punctuation is kept: a segment whose source words carry any mark
//   (Whisper-style) passes through unchanged — which also makes the stage
//   idempotent, since its own output is punctuated.
// - Inside a segment, the model (model.ts, features.ts) scores each slot;
//   pauses from word timings (pauses.ts) reweight it; question forms and
//   discourse cues (cues.ts) decide a mark's type and strong commas.
// - An interjection or hesitation the disfluency stage removed ("my question
//   yeah it's", "quarter uh we") is still read as context, and the mark it
//   shows moves onto the word before it: the sentence turned where it was said.
// - At a segment's end the profile's policy decides (segment-end.ts).
// - The model's history crosses segments (state.ts): one sentence over two
//   final segments is scored as one sentence.
import type { Token } from "../../tokens.js";
import { withText } from "../../tokens.js";
import type { Stage, StageEnv } from "../../stage.js";
import { sentenceMarkOf, splitAffixes } from "../../text.js";
import { commaCueLength, commaForbidden, isQuestionStart } from "./cues.js";
import { decideLabel, endProbability } from "./decide.js";
import { COMMA, LABELS, NONE, PERIOD, QUESTION, advance, featureKey, type History } from "./features.js";
import { featureBuffer, slotProbabilities } from "./model.js";
import { hashWords, type HashedWords } from "./feature-hash.js";
import { parsePunctuationOptions, type PunctuationOptions } from "./options.js";
import { applyPause, gapMs } from "./pauses.js";
import { segmentEndLabel, SEGMENT_END_CONFIDENCE } from "./segment-end.js";
import { readHistory, writeHistory } from "./state.js";

/**
 * A comma the said reading shows around a removed hesitation lands on the word before it only where the
 * text as it comes out already leans to one there: this share of the comma threshold. A hesitation is
 * written set off by commas ("this is, uh, my"), and that comma leaves with it, not "this is, my". On
 * Rev16 as raw ASR against its clean transcript, 18 of the 89 commas a hesitation moved were right; the
 * 49 this gate stops held 7 of them ("in the second quarter, we" passes it).
 */
const SAID_COMMA_SHARE = 0.3;
/** A listed discourse cue at a sentence start takes its comma with this confidence. */
const COMMA_CUE_CONFIDENCE = 0.75;
/** Share of the sentence-end probability "?" needs before the model alone makes a question. */
const QUESTION_SHARE = 0.75;
const ASR_MARKS = /[.,?!;:\u2026]["'\u201D\u2019)\]]*$/u;

/** The label an existing trailing mark stands for (for the history), or -1 when the word has none. */
function existingLabel(text: string): number {
  const { trail } = splitAffixes(text);
  if (trail === "") return -1;
  const mark = sentenceMarkOf(trail);
  if (mark === "?") return QUESTION;
  if (mark !== "") return PERIOD;
  if (/[,;:]/.test(trail)) return COMMA;
  return /[.…]/.test(trail) ? NONE : -1;
}

/** The ASR punctuated this segment itself: some source word ends in a mark. */
function asrPunctuated(sources: StageEnv["sources"]): boolean {
  for (const w of sources) if (ASR_MARKS.test(w.text) && /[\p{L}\p{N}]/u.test(w.text)) return true;
  return false;
}

interface Decision {
  label: number;
  rule: string;
  confidence: number;
}

const NO_MARK: Decision = { label: NONE, rule: "", confidence: 0 };

/**
 * The segment as the model reads it: one slot per word. A token an earlier
 * stage merged ("3 million", "September 22") is read as its words, as the
 * training text and a second pass over the output (where they are separate
 * tokens) have them; a mark can only follow its last word.
 */
interface WordSlots {
  keys: string[];
  /** The token each word belongs to (the token itself when no token holds a space); a removed word's own timing. */
  tokens: readonly Token[];
  tokenIndex: readonly number[];
  /** Whether the word ends its token. */
  ends: readonly boolean[];
  /** Whether the slot is a removed word, read for context only (see `readings`). */
  removed: readonly boolean[];
}

/**
 * Interjections and hesitations whose removal leaves a turn or a pause the model should still see. Other
 * removed words (a false start, "you know") read as context moved marks the wrong way on Earnings-21.
 */
const REMOVED_CONTEXT: ReadonlySet<string> = new Set(["yeah", "yes", "yep", "oh", "okay", "ok", "right", "mm-hmm", "uh-huh", "um", "uh"]);
/** The removed words of REMOVED_CONTEXT that are pauses rather than words said: their comma is their own (SAID_COMMA_SHARE). */
const HESITATIONS: ReadonlySet<string> = new Set(["um", "uh"]);

/** The source words removed between tokens t and t + 1 when all are interjections, as tokens of their own; else none. */
function removedInterjections(tokens: readonly Token[], t: number, sources: StageEnv["sources"]): Token[] {
  const next = tokens[t + 1];
  const from = tokens[t]!.source.end;
  if (next === undefined || next.source.start <= from) return [];
  const said: Token[] = [];
  for (let k = from; k < next.source.start; k++) {
    const w = sources[k];
    if (w === undefined || !REMOVED_CONTEXT.has(featureKey(w.text))) return [];
    said.push({ text: w.text, source: { start: k, end: k + 1 }, startMs: w.startMs, endMs: w.endMs, confidence: w.confidence ?? 1, speaker: w.speaker ?? "" });
  }
  return said;
}

/** The slots of `tokens`, as the text comes out. */
function wordSlots(tokens: readonly Token[]): WordSlots {
  const slots = emptySlots();
  tokens.forEach((t, i) => {
    const parts = t.text.includes(" ") ? t.text.split(" ").filter((w) => w !== "") : [t.text];
    parts.forEach((w, k) => pushSlot(slots, featureKey(w), t, i, k === parts.length - 1, false));
  });
  return slots;
}

function emptySlots(): { keys: string[]; tokens: Token[]; tokenIndex: number[]; ends: boolean[]; removed: boolean[] } {
  return { keys: [], tokens: [], tokenIndex: [], ends: [], removed: [] };
}

function pushSlot(slots: ReturnType<typeof emptySlots>, key: string, token: Token, t: number, ends: boolean, removed: boolean): void {
  slots.keys.push(key);
  slots.tokens.push(token);
  slots.tokenIndex.push(t);
  slots.ends.push(ends);
  slots.removed.push(removed);
}

/**
 * The segment read as it comes out (`plain`) and, where the disfluency stage removed an interjection or a
 * hesitation ("my question yeah it's related", "in the second quarter uh we"), as it was said (`said`):
 * where it was said is where the sentence turned or paused. Only the word before such a word reads the
 * said text, and takes the stronger mark of the two readings; every other word reads the plain text, so
 * output this stage left unmarked reads the same on a second pass.
 */
function readings(tokens: readonly Token[], sources: StageEnv["sources"]): { plain: WordSlots; said: SaidReading | null } {
  const plain = wordSlots(tokens);
  // Most segments lost no word between two tokens: one reading is all there is.
  let removedSome = false;
  for (let t = 0; t + 1 < tokens.length && !removedSome; t++) removedSome = tokens[t]!.source.end < tokens[t + 1]!.source.start;
  if (!removedSome || sources.length === 0) return { plain, said: null };
  // The plain slots again, each token's last word followed by the interjections removed after it.
  const slots = emptySlots();
  const twin: number[] = [];
  for (let j = 0; j < plain.keys.length; j++) {
    const t = plain.tokenIndex[j]!;
    twin.push(slots.keys.length);
    pushSlot(slots, plain.keys[j]!, plain.tokens[j]!, t, plain.ends[j]!, false);
    if (plain.ends[j]) for (const said of removedInterjections(tokens, t, sources)) pushSlot(slots, featureKey(said.text), said, t, false, true);
  }
  return slots.keys.length === plain.keys.length ? { plain, said: null } : { plain, said: { slots, twin } };
}

/** The said reading, and for each plain slot its slot there. */
interface SaidReading {
  slots: WordSlots;
  twin: readonly number[];
}

/** How strongly a label divides: none < comma < a sentence end. */
function strength(label: number): number {
  return label === PERIOD || label === QUESTION ? 2 : label === COMMA ? 1 : 0;
}

function run(tokens: Token[], o: PunctuationOptions, env: StageEnv): Token[] {
  const h = readHistory(env.state);
  const keep = asrPunctuated(env.sources);
  const { plain: words, said } = readings(tokens, keep ? [] : env.sources);
  const keys = words.keys;
  let out: Token[] | null = null;
  const scratch: Scratch = { p: new Float64Array(LABELS.length), spare: new Float64Array(LABELS.length), buffer: featureBuffer() };
  const hashed = o.model ? hashWords(keys) : undefined;
  const saidHashed = o.model && said !== null ? hashWords(said.slots.keys) : undefined;
  let cueCommaAt = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === "") continue;
    const t = words.tokenIndex[i]!;
    const token = tokens[t]!;
    const existing = words.ends[i] ? existingLabel(token.text) : NONE;
    let decision = NO_MARK;
    if (existing < 0 && !keep) {
      if (h.sinceEnd === 0 && o.commas) {
        const cue = commaCueLength(o.cues, keys, i);
        if (cue > 0) cueCommaAt = i + cue - 1;
      }
      decision = decide(words.tokens, keys, hashed, i, h, o, env, scratch, i === cueCommaAt);
      if (said !== null && words.ends[i] && said.slots.removed[said.twin[i]! + 1] === true) {
        const j = said.twin[i]!;
        const commaAllowed = !HESITATIONS.has(said.slots.keys[j + 1]!) || scratch.p[COMMA]! >= SAID_COMMA_SHARE * o.commaThreshold;
        decision = withRemovedWords(said.slots, saidHashed, j, decision, h, o, env, scratch, commaAllowed);
      }
    }
    if (decision.label !== NONE) {
      const mark = LABELS[decision.label]!;
      const after = token.text + mark;
      if (env.propose({ rule: decision.rule, before: token.text, after, source: token.source, confidence: decision.confidence })) {
        out ??= tokens.slice();
        out[t] = withText(token, after);
      } else {
        decision = NO_MARK;
      }
    }
    advance(h, key, existing >= 0 ? existing : decision.label);
  }
  env.state = writeHistory(h);
  return out ?? tokens;
}

/**
 * The word at said slot `j`, followed by removed words, read in the said text: it and the removed words
 * after it are scored in turn, and the strongest mark among them and `plain` (its plain reading) is its
 * own; a comma only when `commaAllowed` (SAID_COMMA_SHARE). The history is left as it was.
 */
function withRemovedWords(
  said: WordSlots, hashed: HashedWords | undefined, j: number, plain: Decision, h: History, o: PunctuationOptions, env: StageEnv, scratch: Scratch,
  commaAllowed: boolean,
): Decision {
  const before = { ...h };
  let decision = plain;
  let k = j;
  for (;;) {
    const d = decide(said.tokens, said.keys, hashed, k, h, o, env, scratch, false);
    // A tag's question ("…, right?") is not the statement's: the sentence's own form decides its mark.
    const counts = d.label !== COMMA || commaAllowed;
    if (counts && strength(d.label) > strength(decision.label)) decision = d.label === QUESTION && k !== j ? { ...d, label: typeOfEnd(o, said.keys, j, before, false, scratch.p) } : d;
    if (said.removed[k + 1] !== true) break;
    advance(h, said.keys[k]!, d.label);
    k++;
  }
  Object.assign(h, before);
  return decision;
}

/** Arrays a segment's slots are scored in, allocated once per segment: the label probabilities, a second model's (mixed style) and the feature keys. */
interface Scratch {
  p: Float64Array;
  spare: Float64Array;
  buffer: Float64Array;
}

function decide(
  tokens: readonly Token[],
  keys: readonly string[],
  hashed: HashedWords | undefined,
  i: number,
  h: History,
  o: PunctuationOptions,
  env: StageEnv,
  scratch: Scratch,
  cueComma: boolean,
): Decision {
  const last = i === keys.length - 1;
  const scored = o.model !== undefined;
  const p = scratch.p;
  if (scored) slotProbabilities(o.model!, keys, hashed!, i, h, o.style, p, scratch.spare, scratch.buffer);
  if (last) {
    const policy = env.isFinal ? o.finalEnd : o.interimEnd;
    const label = segmentEndLabel(policy, keys[i]!, o.cues);
    if (label === NONE) return NO_MARK;
    return { label: typeOfEnd(o, keys, i, h, scored, p), rule: env.isFinal ? "final_segment_end" : "interim_segment_end", confidence: SEGMENT_END_CONFIDENCE };
  }
  if (!scored) return cueComma ? { label: COMMA, rule: "comma_cue", confidence: COMMA_CUE_CONFIDENCE } : NO_MARK;
  let label = decideLabel(p, o.sentenceEndThreshold, o.commaThreshold);
  let rule = "model";
  if (o.pauses) {
    const pause = applyPause(p, gapMs(tokens[i]!, tokens[i + 1]!), o);
    const withPause = decideLabel(p, o.sentenceEndThreshold, o.commaThreshold);
    if (pause !== "" && withPause !== label) rule = pause === "sentence" ? "pause_sentence_end" : "pause_comma";
    label = withPause;
  }
  if ((label === PERIOD || label === QUESTION) && o.sentenceEnds && !o.cues.openWords.has(keys[i]!)) {
    return { label: typeOfEnd(o, keys, i, h, scored, p), rule: rule === "model" ? "sentence_end" : rule, confidence: round(endProbability(p)) };
  }
  if (cueComma) return { label: COMMA, rule: "comma_cue", confidence: Math.max(COMMA_CUE_CONFIDENCE, round(p[COMMA]!)) };
  if (label === COMMA && o.commas && (o.fillerCommas || !commaForbidden(o.cues, keys, i))) return { label: COMMA, rule: rule === "model" ? "comma" : rule, confidence: round(p[COMMA]!) };
  return NO_MARK;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A sentence end is a "?" when the sentence opens as a question, or the model's "?" clearly beats its "." (QUESTION_SHARE). */
function typeOfEnd(o: PunctuationOptions, keys: readonly string[], i: number, h: History, scored: boolean, p: Float64Array): number {
  if (!o.questions) return PERIOD;
  // The sentence's first two words, asked for only where a sentence ends (not at every word).
  const questionForm = isQuestionStart(o.cues, h.sinceEnd === 0 ? keys[i]! : h.first1, h.sinceEnd === 0 ? "" : h.sinceEnd === 1 ? keys[i]! : h.first2);
  return questionForm || (scored && p[QUESTION]! >= QUESTION_SHARE * endProbability(p)) ? QUESTION : PERIOD;
}

export const punctuationStage: Stage<PunctuationOptions> = {
  name: "punctuation",
  // Off unless a profile asks: punctuation is a style decision (config/default.yaml).
  enabledByDefault: false,
  parseOptions: parsePunctuationOptions,
  run,
};
