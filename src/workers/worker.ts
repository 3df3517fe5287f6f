// The piscina worker entry: one per thread. Profiles arrive once with
// workerData; compiled pipelines are cached for the thread's life and dropped
// when a task brings a newer profiles snapshot (see batch-runner.ts).
import { compileProfile } from "../pipeline/index.js";
import { createWorkerHandler } from "./batch-runner.js";

export default createWorkerHandler(compileProfile);
