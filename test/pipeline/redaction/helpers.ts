// Builders for redaction tests: redaction alone (casing and ITN off unless asked), real resources.
import { compileProfile, type CompiledPipeline, type StageSettingsInput } from "../../../src/pipeline/index.js";
import { loadPipelineResources } from "../../../src/resources/load.js";

export const resources = loadPipelineResources();

export function redactionOnly(redaction: StageSettingsInput = {}, extra: Record<string, StageSettingsInput> = {}): CompiledPipeline {
  return compileProfile(
    { stages: { disfluency: { enabled: false }, itn: { enabled: false }, casing: { enabled: false }, redaction: { enabled: true, ...redaction }, ...extra } },
    undefined,
    resources,
  );
}
