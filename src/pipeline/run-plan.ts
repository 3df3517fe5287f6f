// The order a compiled pipeline runs its stages in. Mostly STAGE_NAMES order,
// once each; but some rules need sentence boundaries, which raw ASR gets only
// from the punctuation and casing stages (the sentence shapers), after those
// rules' stage has run. Such a stage offers a second look (Stage.secondLook)
// that runs after the last shaper; when it changes the segment the shapers run
// again (a removed word can carry the mark or capital they placed), and so on
// until a second look changes nothing; when the shapers changed nothing (the
// ASR punctuated the segment), there is nothing new to see and no second look
// runs. Without this, those rules would first fire on the pipeline's own
// output: the pipeline would not be idempotent.
import type { Stage } from "./stage.js";
import type { StageName } from "./stages/index.js";

/** The stages that give a segment its sentence shape. */
export const SENTENCE_SHAPERS: ReadonlySet<StageName> = new Set(["punctuation", "casing"]);

/** Rounds of second looks and reshaping; each round that changes anything removes words, so a few are plenty. */
export const MAX_SETTLING_ROUNDS = 3;

export interface RunPlan<S> {
  /** Every stage once, up to and including the last sentence shaper that is on (all of them when none is). */
  main: readonly S[];
  /** The second looks of the stages in `main` that offer one. */
  looks: readonly S[];
  /** The sentence shapers, run again after a second look that changed the segment. */
  reshapers: readonly S[];
  /** The stages after the last shaper (redaction). */
  rest: readonly S[];
}

/** Splits `active` (in run order) into the plan; `lookOf` makes the second-look twin of a stage that offers one. */
export function planRun<S extends { name: StageName; stage: Stage }>(active: readonly S[], lookOf: (s: S) => S): RunPlan<S> {
  let last = -1;
  active.forEach((s, i) => {
    if (SENTENCE_SHAPERS.has(s.name)) last = i;
  });
  const main = active.slice(0, last + 1);
  const looks = last < 0 ? [] : main.filter((s) => s.stage.secondLook !== undefined).map(lookOf);
  return {
    main: last < 0 ? active : main,
    looks,
    reshapers: looks.length === 0 ? [] : main.filter((s) => SENTENCE_SHAPERS.has(s.name)),
    rest: last < 0 ? [] : active.slice(last + 1),
  };
}
