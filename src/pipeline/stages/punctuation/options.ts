// Punctuation options: which marks the stage may write, how segment ends are
// treated, pause thresholds. Parsed once at compile time; the model and word
// lists come from the process's resources.
import type { PipelineResources } from "../../resources.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings } from "../../stage.js";
import { DEFAULT_COMMA_THRESHOLD, DEFAULT_SENTENCE_END_THRESHOLD } from "./decide.js";
import { EMPTY_CUES, type PunctuationCues } from "./cues.js";
import type { PunctuationModel } from "./model.js";
import type { PauseOptions } from "./pauses.js";
import { STYLE_CHOICES, type PunctuationStyleChoice } from "./features.js";

export const SEGMENT_END_POLICIES = ["close", "open"] as const;
export type SegmentEndPolicy = (typeof SEGMENT_END_POLICIES)[number];

export interface PunctuationOptions extends BaseStageOptions, PauseOptions {
  /** Sentence ends inside a segment (model, pauses). */
  sentenceEnds: boolean;
  /** Question marks; when off every sentence end is a period. */
  questions: boolean;
  commas: boolean;
  /**
   * Commas may set off fillers ("you know") and split repeated words ("is, is").
   * Off by default: with the disfluency stage on, those commas make it remove
   * the words on a second pass (not idempotent); a verbatim profile keeps the
   * words and may punctuate them as a transcriber would.
   */
  fillerCommas: boolean;
  /**
   * The convention the model writes (features.ts): a "spoken" transcript (the
   * default: conversation, the verbatim profile), "written" prose, for read
   * text such as audiobooks (commas between clauses, after introductory
   * phrases), or "mixed", both models averaged, where either may come (the
   * clean profile).
   */
  style: PunctuationStyleChoice;
  /** Probability at or above which the model's sentence end / comma is written. */
  sentenceEndThreshold: number;
  commaThreshold: number;
  /** Pause evidence from word timings. */
  pauses: boolean;
  /** A final segment's end: "close" ends the sentence there (an endpointed pause), "open" leaves it to the next segment. */
  finalEnd: SegmentEndPolicy;
  /** The same for interim segments (a final will replace them). */
  interimEnd: SegmentEndPolicy;
  model: PunctuationModel | undefined;
  cues: PunctuationCues;
}

export function parsePunctuationOptions(settings: ResolvedStageSettings, resources: PipelineResources): PunctuationOptions {
  const r = new OptionReader("punctuation", settings);
  const sentenceEnds = r.classEnabled("sentence_end");
  const questions = r.classEnabled("question");
  const commas = r.classEnabled("comma");
  const pauses = r.classEnabled("pause");
  const fillerCommas = r.boolean("filler_commas", false);
  const style = r.choice("style", "spoken", STYLE_CHOICES);
  const finalEnd = r.choice("final_segment_end", "close", SEGMENT_END_POLICIES);
  const interimEnd = r.choice("interim_segment_end", "open", SEGMENT_END_POLICIES);
  const sentencePauseMs = r.number("sentence_pause_ms", 700, 0, 60_000);
  const commaPauseMs = r.number("comma_pause_ms", 300, 0, 60_000);
  const model = resources?.punctuation?.model;
  // The model's own fitted thresholds are the defaults (one source: the model file).
  const sentenceEndThreshold = r.number("sentence_end_threshold", model?.thresholds[style].sentenceEnd ?? DEFAULT_SENTENCE_END_THRESHOLD, 0, 1);
  const commaThreshold = r.number("comma_threshold", model?.thresholds[style].comma ?? DEFAULT_COMMA_THRESHOLD, 0, 1);
  const applyThreshold = r.applyThreshold();
  if (commaPauseMs > 0 && sentencePauseMs > 0 && commaPauseMs > sentencePauseMs) {
    r.fail("params.comma_pause_ms", `must not exceed sentence_pause_ms (${sentencePauseMs}), got ${commaPauseMs}`);
  }
  r.finish();
  return {
    applyThreshold,
    sentenceEnds,
    questions,
    sentenceEndThreshold,
    commaThreshold,
    commas,
    fillerCommas,
    style,
    pauses,
    finalEnd,
    interimEnd,
    sentencePauseMs,
    commaPauseMs,
    model,
    cues: resources?.punctuation?.cues ?? EMPTY_CUES,
  };
}
