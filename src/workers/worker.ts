// The piscina worker entry: one per thread. Profiles arrive once with
// workerData; compiled pipelines are cached for the thread's life and dropped
// when a task brings a newer profiles snapshot (see batch-runner.ts).
// Pipeline resources (ITN tables) are read once here, at thread start.
import { compileProfile } from "../pipeline/index.js";
import { loadPipelineResources } from "../resources/load.js";
import { createWorkerHandler } from "./batch-runner.js";

const resources = loadPipelineResources();

export default createWorkerHandler((profile, overrides) => compileProfile(profile, overrides, resources));
