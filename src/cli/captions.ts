// Caption and transcript files through the pipeline: parse (reporting every
// problem and keeping every cue), run each cue as a segment with the stream
// context carried across cues, and render in the input's own format.
import type { CompiledPipeline } from "../pipeline/index.js";
import type { SegmentInput, SegmentResult, StreamContext } from "../pipeline/types.js";
import {
  applyResultsToCues,
  cuesToSegments,
  formatProblem,
  parseSrt,
  parseTranscriptJson,
  parseWebVtt,
  renderSrt,
  renderTranscriptJson,
  renderWebVtt,
  resultsToTranscript,
  transcriptToSegments,
  type CaptionProblem,
  type LayoutOptions,
} from "../formats/index.js";

export type CaptionFormat = "srt" | "vtt" | "json";

export interface CaptionRun {
  output: string;
  /** One line per problem found while parsing or applying results. */
  problems: string[];
  hasErrors: boolean;
}

export function captionFormatOf(file: string | undefined): CaptionFormat | undefined {
  const ext = file?.toLowerCase().match(/\.(srt|vtt|json)$/)?.[1];
  return ext as CaptionFormat | undefined;
}

function runAll(pipeline: CompiledPipeline, segments: SegmentInput[]): SegmentResult[] {
  let context: StreamContext = {};
  return segments.map((segment) => {
    const step = pipeline.run(segment, context);
    context = step.context;
    return step.result;
  });
}

export function processCaptions(
  text: string,
  format: CaptionFormat,
  pipeline: CompiledPipeline,
  layout?: Partial<LayoutOptions>,
): CaptionRun {
  if (format === "json") {
    const parsed = parseTranscriptJson(text);
    const results = runAll(pipeline, transcriptToSegments(parsed.transcript));
    return {
      output: renderTranscriptJson(resultsToTranscript(results)),
      problems: parsed.problems.map((p) => `${p.severity}: ${p.path}: ${p.message}`),
      hasErrors: parsed.problems.some((p) => p.severity === "error"),
    };
  }
  if (format === "srt") {
    const parsed = parseSrt(text);
    const applied = applyResultsToCues(parsed.cues, runAll(pipeline, cuesToSegments(parsed.cues)), layout);
    return report(renderSrt(applied.cues, parsed.style), [...parsed.problems, ...applied.problems]);
  }
  const parsed = parseWebVtt(text);
  const applied = applyResultsToCues(parsed.cues, runAll(pipeline, cuesToSegments(parsed.cues)), layout);
  return report(renderWebVtt({ ...parsed, cues: applied.cues }, parsed.style), [...parsed.problems, ...applied.problems]);
}

function report(output: string, problems: CaptionProblem[]): CaptionRun {
  return { output, problems: problems.map(formatProblem), hasErrors: problems.some((p) => p.severity === "error") };
}
