// Builders for verses tests: the verses stage alone (every other stage off), real resources.
import { compileProfile, STAGE_NAMES, type CompiledPipeline, type SegmentResult, type StageSettingsInput, type StreamContext } from "../../../src/pipeline/index.js";
import { loadPipelineResources } from "../../../src/resources/load.js";
import { textSegment } from "../helpers.js";

export const resources = loadPipelineResources();

export function versesOnly(verses: StageSettingsInput = {}): CompiledPipeline {
  const stages: Record<string, StageSettingsInput> = {};
  for (const name of STAGE_NAMES) stages[name] = { enabled: false };
  stages.verses = { ...verses, enabled: true };
  return compileProfile({ stages }, undefined, resources);
}

export function run(p: CompiledPipeline, text: string, context: StreamContext = {}): SegmentResult {
  return p.run(textSegment(text), context).result;
}

/** Final segments of one stream; each result. */
export function runStream(p: CompiledPipeline, texts: readonly string[]): SegmentResult[] {
  let context: StreamContext = {};
  return texts.map((t) => {
    const r = p.run(textSegment(t), context);
    context = r.context;
    return r.result;
  });
}

export const BG_2_47 = "karmaṇyevādhikāraste mā phaleṣu kadācana / mā karmaphalaheturbhūrmā te saṅgo'stvakarmaṇi";
