// Builders for ITN tests: pipelines compiled with the real tables from config/itn/en.
import { compileProfile, type CompiledPipeline, type StageSettingsInput } from "../../../src/pipeline/index.js";
import { loadPipelineResources } from "../../../src/resources/load.js";
import { runText } from "../helpers.js";

export const resources = loadPipelineResources();

/** Only the itn stage (disfluency and casing off), so expectations read literally. */
export function itnOnly(itn: StageSettingsInput = {}, overrides?: Record<string, StageSettingsInput>): CompiledPipeline {
  return compileProfile({ stages: { disfluency: { enabled: false }, itn, casing: { enabled: false } } }, overrides, resources);
}

export const defaultItn = itnOnly();
export const nemoItn = itnOnly({ params: { style: "nemo" } });

export function itn(text: string, p: CompiledPipeline = defaultItn): string {
  return runText(p, text).text;
}
