// disfluency: removes what a reader does not need from spoken text — fillers,
// discourse fillers, repetitions, self-repairs and reformulation markers —
// each rule a class that can be switched off. Rules only find spans over a
// one-pass word view; apply.ts picks the winners (explicit corrections first,
// since they cover the fillers and markers inside them) and tidies punctuation and capitals.
import type { Token } from "../../tokens.js";
import type { Stage, StageEnv } from "../../stage.js";
import { applyRemovals, resolveRemovals, type Removal } from "./apply.js";
import { findAbandonedStarts } from "./abandoned.js";
import { findBackchannels } from "./backchannels.js";
import { findBrokenClauses } from "./broken-clauses.js";
import { findDiscourseFillers } from "./discourse.js";
import { findFillers } from "./fillers.js";
import { findFragments } from "./fragments.js";
import { findMarkerPhrases } from "./markers.js";
import { parseDisfluencyOptions, type DisfluencyOptions } from "./options.js";
import { findSelfRepairs } from "./repairs.js";
import { findRepetitions } from "./repetitions.js";
import { isRawAsr, viewWords } from "./words.js";

export { DEFAULT_FILLERS, DEFAULT_LEGIT_DOUBLES, DEFAULT_MARKER_PHRASES, type DisfluencyOptions } from "./options.js";

const NONE: readonly Removal[] = [];
/** Passes until nothing more applies; each removal can only shorten the segment, so this bounds the work. */
const MAX_PASSES = 4;

/**
 * Runs the rules to a fixpoint: removing "uh" in "like uh like" makes a new
 * repetition, and the stage must be idempotent (its output must not change on
 * a second run). Later passes apply edits only — a suggestion was already
 * recorded on the first pass and must not be repeated.
 */
function run(tokens: Token[], o: DisfluencyOptions, env: StageEnv): Token[] {
  return toFixpoint(tokens, o, env, true);
}

/**
 * The second look, once punctuation and casing have given raw ASR its
 * sentences: "Yeah, good morning" or "You know" opening a sentence the
 * punctuation stage made are fillers only visible now. It applies what is
 * sure and suggests nothing (the first run's suggestions stand).
 */
function secondLook(tokens: Token[], o: DisfluencyOptions, env: StageEnv): Token[] {
  return toFixpoint(tokens, o, env, false);
}

function toFixpoint(tokens: Token[], o: DisfluencyOptions, env: StageEnv, suggestFirst: boolean): Token[] {
  let current = tokens;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = runPass(current, o, env, suggestFirst && pass === 0);
    if (next.length === current.length) return next;
    current = next;
  }
  return current;
}

function runPass(tokens: Token[], o: DisfluencyOptions, env: StageEnv, suggest: boolean): Token[] {
  if (tokens.length === 0) return tokens;
  const words = viewWords(tokens);
  const raw = isRawAsr(words);
  const r = o.rules;
  const candidates = [
    r.self_repair ? findBrokenClauses(words, o) : NONE,
    r.self_repair ? findSelfRepairs(words, o) : NONE,
    r.marker_phrase ? findMarkerPhrases(words, o) : NONE,
    r.repetition ? findRepetitions(words, o) : NONE,
    r.self_repair ? findAbandonedStarts(words, o, raw) : NONE,
    r.self_repair ? findFragments(words, o, raw) : NONE,
    r.discourse_filler ? findDiscourseFillers(words, raw) : NONE,
    r.filler ? findFillers(words, o) : NONE,
    r.filler ? findBackchannels(words, raw) : NONE,
  ];
  const removals = resolveRemovals(candidates, words, o.applyThreshold, suggest);
  return applyRemovals(tokens, words, removals, env);
}

export const disfluencyStage: Stage<DisfluencyOptions> = {
  name: "disfluency",
  enabledByDefault: true,
  parseOptions: parseDisfluencyOptions,
  run,
  secondLook,
};
