// Caption and transcript formats: pure (strings in, data out; data in,
// strings out). Everything outside src/formats uses only what is exported here.
export type { Cue, SourceStyle } from "./cues.js";
export { cuesToSegments, joinLines, linesToRender, renumberCues, resultToCue } from "./cues.js";
export type { CaptionProblem, ProblemKind, ProblemSeverity } from "./problems.js";
export { formatProblem, hasErrors } from "./problems.js";
export type { FormatTimestampOptions, ParsedTimestamp, TimestampDialect, TimestampParse } from "./timestamps.js";
export { formatTimestamp, parseTimestamp } from "./timestamps.js";
export type { MarkupMode } from "./cue-checks.js";
export { findMarkup, stripMarkup } from "./markup.js";
export type { CaptionParseOptions, CaptionRenderOptions, SrtParseResult } from "./srt.js";
export { parseSrt, renderSrt } from "./srt.js";
export type { VttBlock, VttStyle, WebVttDocument, WebVttParseOptions, WebVttParseResult, WebVttRenderOptions } from "./webvtt.js";
export { parseWebVtt, renderWebVtt } from "./webvtt.js";
export type { Transcript, TranscriptParseResult, TranscriptProblem, TranscriptSegment, TranscriptWord } from "./transcript-json.js";
export { parseTranscriptJson, renderTranscriptJson, resultsToTranscript, transcriptToSegments } from "./transcript-json.js";
export type { LayoutOptions, LayoutResult, TimedWord } from "./layout.js";
export { DEFAULT_LAYOUT, layoutCues } from "./layout.js";
export { boundaryStrength, breakLines } from "./line-breaking.js";
export type { AppliedResults } from "./apply-results.js";
export { applyResultsToCues, spreadWords } from "./apply-results.js";
