// WebVTT (.vtt): a "WEBVTT" header, optional NOTE / STYLE / REGION blocks,
// cues with an optional identifier, "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm"
// followed by cue settings, and text lines. Same tolerance as SRT: report,
// keep going, lose nothing.
//
// Round trip: renderWebVtt(parsed, parsed.style) of a clean file returns the
// input byte for byte. Whether hours are written when zero follows the
// source (style.omitZeroHours); blocks are written where they stood.
import { isBlank, scanCaptionText, type SourceLine } from "./caption-lines.js";
import { finishCues, readTiming, type CueDraft } from "./cue-checks.js";
import { linesToRender, type Cue, type SourceStyle } from "./cues.js";
import type { CaptionProblem } from "./problems.js";
import { finishText, type CaptionParseOptions, type CaptionRenderOptions } from "./srt.js";
import { formatTimestamp } from "./timestamps.js";

export interface VttBlock {
  kind: "note" | "style" | "region";
  /** The block's lines as written, first line included ("NOTE …", "STYLE", "REGION"). */
  lines: string[];
  /** Position of the cue this block stands before (1-based); cues.length + 1 for blocks after the last cue. */
  beforeCue: number;
}

export interface WebVttDocument {
  /** The header block: "WEBVTT[ text]" and any header lines after it. */
  header: string[];
  blocks: VttBlock[];
  cues: Cue[];
}

export interface VttStyle extends SourceStyle {
  /** The source wrote "MM:SS.mmm" (no hours) somewhere. */
  omitZeroHours: boolean;
}

export interface WebVttParseOptions extends CaptionParseOptions {
  /** Keep NOTE / STYLE / REGION blocks (default) or drop them, reporting each dropped block. */
  blocks?: "keep" | "skip";
}

export interface WebVttParseResult extends WebVttDocument {
  problems: CaptionProblem[];
  style: VttStyle;
}

export interface WebVttRenderOptions extends CaptionRenderOptions {
  omitZeroHours?: boolean;
}

const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const BLOCK_START = /^(NOTE|STYLE|REGION)(?:[ \t].*)?$/;
const SETTING = /^(vertical|line|position|size|align|region):\S+$/;

export function parseWebVtt(text: string, options: WebVttParseOptions = {}): WebVttParseResult {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0] ?? "";
  const scan = scanCaptionText(text, {
    isHeaderCandidate: (t) => /^\d+$/.test(t),
    firstLineIsFileHeader: firstLine.startsWith("WEBVTT"),
  });
  const problems = [...scan.problems];
  const blocks: VttBlock[] = [];
  const keepBlocks = options.blocks !== "skip";
  let header: string[] = ["WEBVTT"];
  const preamble = [...scan.preamble];
  const first = preamble[0]?.[0];
  if (first && first.text.startsWith("WEBVTT")) {
    header = (preamble.shift() as SourceLine[]).map((l) => l.text);
    if (!HEADER.test(first.text)) {
      problems.push({ line: first.n, kind: "bad_header", severity: "warning", message: `header "${first.text}" should be "WEBVTT" alone or followed by a space and text` });
    } else if (first.n !== 1) {
      problems.push({ line: first.n, kind: "bad_header", severity: "warning", message: "the WEBVTT header should be on the first line" });
    }
  } else {
    problems.push({ line: 1, kind: "missing_header", severity: "error", message: 'the file does not start with "WEBVTT"' });
  }

  /** A paragraph outside any cue: a NOTE/STYLE/REGION block, or text with no timing. */
  const placeBlock = (para: SourceLine[], beforeCue: number, afterCues: boolean): boolean => {
    const head = para[0] as SourceLine;
    const m = BLOCK_START.exec(head.text);
    if (!m) return false;
    const kind = (m[1] as string).toLowerCase() as VttBlock["kind"];
    if (kind !== "note" && afterCues) {
      problems.push({ line: head.n, kind: "misplaced_block", severity: "warning", message: `${m[1]} block after the first cue (allowed only before it)` });
    }
    const lines = para.map((l) => l.text);
    if (keepBlocks) blocks.push({ kind, lines, beforeCue });
    else problems.push({ line: head.n, kind: "skipped_block", severity: "info", message: `${m[1]} block skipped`, excerpt: lines.join("\n") });
    return true;
  };

  for (const para of preamble) {
    if (placeBlock(para, 1, false)) continue;
    problems.push({ line: (para[0] as SourceLine).n, kind: "orphan_text", severity: "error", message: "text before the first cue has no timing", excerpt: para.map((l) => l.text).join("\n") });
  }

  const drafts: CueDraft[] = [];
  let omitZeroHours = false;
  for (const block of scan.blocks) {
    const cue = drafts.length + 1;
    if (block.header && block.headerJoinedToPrevious) {
      problems.push({ line: block.header.n, cue, kind: "missing_blank_line", severity: "warning", message: "no blank line before the cue" });
    }
    const timing = readTiming(block, "vtt", cue, problems);
    omitZeroHours ||= timing.omittedHours;
    if (timing.settings) checkSettings(timing.settings, block.timing.n, cue, problems);
    const draft: CueDraft = {
      firstLine: (block.header ?? block.timing).n,
      timingLine: block.timing.n,
      lines: [],
      ...(block.header ? { id: block.header.text } : {}),
      ...(timing.startMs !== undefined ? { startMs: timing.startMs } : {}),
      ...(timing.endMs !== undefined ? { endMs: timing.endMs } : {}),
      ...(timing.settings !== undefined ? { settings: timing.settings } : {}),
    };
    drafts.push(draft);
    const paragraphs = [...block.paragraphs];
    if (!block.bodyStartsBlank && paragraphs.length > 0 && !isBlank(paragraphs[0]?.[0])) draft.lines.push(...(paragraphs.shift() as SourceLine[]));
    for (const para of paragraphs) {
      if (placeBlock(para, cue + 1, true)) continue;
      const head = para[0] as SourceLine;
      const message = draft.lines.length > 0 ? "text after a blank line joined to the cue above" : "text separated from its timing line by a blank line";
      problems.push({ line: head.n, cue, kind: "orphan_text", severity: "warning", message });
      draft.lines.push(...para);
    }
  }
  const cues = finishCues(drafts, { dialect: "vtt", markup: options.markup ?? "keep" }, problems);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { header, blocks, cues, problems, style: { ...scan.style, omitZeroHours } };
}

function checkSettings(settings: string, line: number, cue: number, problems: CaptionProblem[]): void {
  for (const setting of settings.split(/\s+/)) {
    if (!SETTING.test(setting)) {
      problems.push({ line, cue, kind: "bad_setting", severity: "warning", message: `unknown cue setting "${setting}" (kept)` });
    }
  }
}

/** Writes the header, blocks where they stood, and cues with their identifiers and settings. */
export function renderWebVtt(doc: Partial<WebVttDocument> & Pick<WebVttDocument, "cues">, options: WebVttRenderOptions = {}): string {
  const ts = (ms: number) => formatTimestamp(ms, "vtt", { omitZeroHours: options.omitZeroHours ?? false });
  const parts: string[] = [(doc.header && doc.header.length > 0 ? doc.header : ["WEBVTT"]).join("\n")];
  const blocks = doc.blocks ?? [];
  const blocksBefore = (position: number, last: boolean) =>
    blocks.filter((b) => (last ? b.beforeCue >= position : b.beforeCue === position)).map((b) => b.lines.join("\n"));
  doc.cues.forEach((cue, i) => {
    parts.push(...blocksBefore(i + 1, false));
    const timing = `${ts(cue.startMs)} --> ${ts(cue.endMs)}${cue.settings ? ` ${cue.settings}` : ""}`;
    parts.push([...(cue.id ? [cue.id] : []), timing, ...linesToRender(cue)].join("\n"));
  });
  parts.push(...blocksBefore(doc.cues.length + 1, true));
  return finishText(`${parts.join("\n\n")}\n${options.finalBlankLine ? "\n" : ""}`, options);
}
