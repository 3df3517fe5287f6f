// Pipelines for the evals: one profile per suite that enables only the stage
// under test, compiled through compileProfile like the server does, with the
// process's resource tables when the resource loader exists.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { compileProfile, STAGE_NAMES, StageOptionsError, type CompiledPipeline, type SegmentInput, type StageSettingsInput } from "../../src/pipeline/index.js";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** Tables loaded by src/resources/load.ts (another engineer's module): used when present, else none. */
export async function loadResources(): Promise<unknown> {
  const file = path.join(REPO_ROOT, "src/resources/load.ts");
  if (!existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { loadPipelineResources?: () => unknown };
  return typeof mod.loadPipelineResources === "function" ? await mod.loadPipelineResources() : undefined;
}

export interface StagePipeline {
  pipeline: CompiledPipeline | null;
  /** Why the pipeline is missing or which settings were used, for the report. */
  note: string;
}

/**
 * Only `stage` enabled. Each candidate settings object is tried in turn (e.g.
 * `style: nemo` first, then the defaults if that param is not known yet); an
 * unregistered stage yields no pipeline, so the suite reports 0% rather than fail.
 */
export function stageOnlyPipeline(stage: string, candidates: readonly StageSettingsInput[], resources: unknown): StagePipeline {
  if (!(STAGE_NAMES as readonly string[]).includes(stage)) {
    return { pipeline: null, note: `stage "${stage}" is not registered in src/pipeline/stages/index.ts: every row counts as a miss` };
  }
  const compile = compileProfile as (...args: unknown[]) => CompiledPipeline;
  let lastError = "";
  for (const settings of candidates) {
    const stages: Record<string, StageSettingsInput> = {};
    for (const name of STAGE_NAMES) stages[name] = name === stage ? { ...settings, enabled: true } : { enabled: false };
    try {
      const pipeline = resources === undefined ? compile({ stages }) : compile({ stages }, undefined, resources);
      return { pipeline, note: `${stage} ${JSON.stringify(settings.params ?? {})}` };
    } catch (err) {
      if (!(err instanceof StageOptionsError)) throw err;
      lastError = err.message;
    }
  }
  return { pipeline: null, note: `no settings for ${stage} compiled: ${lastError}` };
}

let seq = 0;
export function textSegment(text: string): SegmentInput {
  return { id: `eval-${seq}`, seq: seq++, isFinal: true, startMs: 0, endMs: 1000, text, words: [] };
}

/** The pipeline's output text, or the input unchanged when there is no pipeline. */
export function runText(pipeline: CompiledPipeline | null, text: string): string {
  return pipeline === null ? text : pipeline.run(textSegment(text), {}).result.text;
}
