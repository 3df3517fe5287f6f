// lipi's pipeline core: pure text processing, no I/O. Workers, the server and
// the CLI use only what is exported here.
export type {
  EditRecord,
  FlagRecord,
  OutputWordResult,
  ProfileInput,
  SegmentInput,
  SegmentResult,
  SourceWord,
  Span,
  StageSettingsInput,
  StreamContext,
} from "./types.js";
export { compileProfile, type CompiledPipeline, type CompiledStage, type PipelineRun, type StageTiming } from "./profile.js";
export { STAGE_NAMES, isStageName, type StageName } from "./stages/index.js";
export { StageOptionsError, violationField, type OptionViolation } from "./errors.js";
export { tokenizeSegment } from "./tokens.js";
export { createStreamContext } from "./context.js";
export { LOW_CONFIDENCE_FLAG } from "./edits.js";
export { DEFAULT_FILLERS } from "./stages/disfluency.js";
export { DEFAULT_APPLY_THRESHOLD } from "./stage.js";
export type { PipelineResources } from "./resources.js";
export { parseItnTables, ITN_TABLE_NAMES, ItnTableError, type ItnTables, type ItnTableSources } from "./stages/itn/tables.js";
export { parseWordList } from "./stages/redaction/index.js";
export { DRIFT_GUARD_FLAG } from "./stages/guard.js";
export { parseVerseCorpus, VerseCorpusError, VERSE_SPLIT_FLAG, type Verse, type VerseWork } from "./stages/verses/index.js";
