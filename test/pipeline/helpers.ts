// Builders shared by the pipeline tests.
import { compileProfile, type CompiledPipeline, type ProfileInput, type SegmentInput, type SegmentResult, type SourceWord, type StageSettingsInput, type StreamContext } from "../../src/pipeline/index.js";

let seq = 0;

/** A plain-text segment spanning 0..1000 ms unless told otherwise. */
export function textSegment(text: string, extra: Partial<SegmentInput> = {}): SegmentInput {
  return { id: `s${seq}`, seq: seq++, isFinal: true, startMs: 0, endMs: 1000, text, words: [], ...extra };
}

/** A segment with words, each 100 ms long, back to back from 0. */
export function wordSegment(texts: string[], extra: Partial<SegmentInput> = {}): SegmentInput {
  const words: SourceWord[] = texts.map((text, i) => ({ text, startMs: i * 100, endMs: i * 100 + 90, confidence: 0.9 }));
  return { id: `w${seq}`, seq: seq++, isFinal: true, startMs: 0, endMs: texts.length * 100, text: "", words, ...extra };
}

export function pipeline(stages: Record<string, StageSettingsInput> = {}, overrides?: Record<string, StageSettingsInput>): CompiledPipeline {
  const profile: ProfileInput = { stages };
  return compileProfile(profile, overrides);
}

/** Only the disfluency stage (casing off), so expectations read literally. */
export function disfluencyOnly(params: StageSettingsInput["params"] = {}, classes?: Record<string, boolean>): CompiledPipeline {
  return pipeline({ disfluency: { params, ...(classes ? { classes } : {}) }, casing: { enabled: false } });
}

export function runText(p: CompiledPipeline, text: string, context: StreamContext = {}): SegmentResult {
  return p.run(textSegment(text), context).result;
}

/** Runs texts as consecutive final segments of one stream; returns each result's text. */
export function runStream(p: CompiledPipeline, texts: string[]): string[] {
  let context: StreamContext = {};
  return texts.map((t) => {
    const r = p.run(textSegment(t), context);
    context = r.context;
    return r.result.text;
  });
}
