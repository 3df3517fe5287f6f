// The stage registry. STAGE_NAMES is the one place that fixes run order
// (ARCHITECTURE.md): tokenize → disfluency → lexicon → transliteration →
// verses → itn → punctuation → casing → redaction → guard. New stages are
// added to the list at their place and to STAGES below.
import type { Stage } from "../stage.js";
import { disfluencyStage } from "./disfluency.js";
import { casingStage } from "./casing.js";
import { itnStage } from "./itn/index.js";
import { redactionStage } from "./redaction/index.js";
import { guardStage } from "./guard.js";
import { lexiconStage } from "./lexicon/index.js";
import { transliterationStage } from "./transliteration.js";
import { punctuationStage } from "./punctuation/index.js";
import { versesStage } from "./verses/index.js";

export const STAGE_NAMES = ["disfluency", "lexicon", "transliteration", "verses", "itn", "punctuation", "casing", "redaction", "guard"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** Every stage by name; a Map so wire-supplied names like "constructor" cannot hit Object.prototype. */
export const STAGES: ReadonlyMap<string, Stage> = new Map<StageName, Stage>([
  ["disfluency", disfluencyStage],
  ["lexicon", lexiconStage],
  ["transliteration", transliterationStage],
  ["verses", versesStage],
  ["itn", itnStage],
  ["punctuation", punctuationStage],
  ["casing", casingStage],
  ["redaction", redactionStage],
  ["guard", guardStage],
]);

export function isStageName(name: string): name is StageName {
  return STAGES.has(name);
}
