// The disfluency stage lives in ./disfluency/; this file keeps the import path
// the stage registry and the pipeline's public index use.
export { disfluencyStage, DEFAULT_FILLERS, DEFAULT_LEGIT_DOUBLES, DEFAULT_MARKER_PHRASES, type DisfluencyOptions } from "./disfluency/index.js";
