// SubRip (.srt): numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text lines,
// a blank line between cues. Parsing never throws and never drops text: what
// cannot be placed in a cue is reported with the source line as an excerpt.
//
// Round trip: renderSrt(parsed.cues, parsed.style) of a clean file returns
// the input byte for byte. Clean means: indexes 1..n, canonical timestamps,
// one blank line between cues, a final newline, no trailing whitespace. The
// BOM, the line ending (LF or CRLF) and whether the file ends with a blank
// line are carried in `style`.
import { scanCaptionText, type ScannedBlock, type SourceLine } from "./caption-lines.js";
import { finishCues, readTiming, type CueDraft, type MarkupMode } from "./cue-checks.js";
import { linesToRender, type Cue, type SourceStyle } from "./cues.js";
import type { CaptionProblem } from "./problems.js";
import { formatTimestamp } from "./timestamps.js";

export interface CaptionParseOptions {
  /** Keep markup (<i>, {\an8}) in the cue text, or strip it. Reported either way. Default "keep". */
  markup?: MarkupMode;
}

export interface SrtParseResult {
  cues: Cue[];
  problems: CaptionProblem[];
  style: SourceStyle;
}

export interface CaptionRenderOptions {
  lineEnding?: "\n" | "\r\n";
  /** End the file with a blank line after the last cue. Default true for SRT, false for WebVTT. */
  finalBlankLine?: boolean;
  bom?: boolean;
}

const INDEX = /^\d+$/;
const isIndexLike = (text: string) => INDEX.test(text.trim());

export function parseSrt(text: string, options: CaptionParseOptions = {}): SrtParseResult {
  const scan = scanCaptionText(text, { isHeaderCandidate: isIndexLike });
  const problems = [...scan.problems];
  for (const para of scan.preamble) {
    problems.push({
      line: (para[0] as SourceLine).n,
      kind: "orphan_text",
      severity: "error",
      message: "text before the first cue has no timing",
      excerpt: para.map((l) => l.text).join("\n"),
    });
  }
  const drafts: CueDraft[] = [];
  const numbering = new IndexChecker(problems);
  for (const block of scan.blocks) {
    const cue = drafts.length + 1;
    numbering.check(block, cue);
    const timing = readTiming(block, "srt", cue, problems);
    const draft: CueDraft = {
      firstLine: (block.header ?? block.timing).n,
      timingLine: block.timing.n,
      lines: [],
      ...(timing.startMs !== undefined ? { startMs: timing.startMs } : {}),
      ...(timing.endMs !== undefined ? { endMs: timing.endMs } : {}),
      ...(timing.settings !== undefined ? { settings: timing.settings } : {}),
    };
    drafts.push(draft);
    placeBody(block, drafts, numbering, problems);
  }
  const cues = finishCues(drafts, { dialect: "srt", markup: options.markup ?? "keep" }, problems);
  if (cues.length > 0 && !scan.style.finalBlankLine) {
    const lastLine = text.split(/\r\n|\r|\n/).filter((l, i, all) => i < all.length - 1 || l !== "").length;
    problems.push({ line: lastLine, kind: "missing_final_blank_line", severity: "info", message: "no blank line after the last cue" });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { cues, problems, style: scan.style };
}

/**
 * The body's first paragraph is the cue's text. Later paragraphs (text after
 * a blank line) have no timing line of their own: a number followed by text
 * is a cue whose timing line is missing; anything else is joined to the cue
 * above, since a stray blank line inside cue text is the usual cause.
 */
function placeBody(block: ScannedBlock, drafts: CueDraft[], numbering: IndexChecker, problems: CaptionProblem[]): void {
  const paragraphs = [...block.paragraphs];
  if (!block.bodyStartsBlank && paragraphs.length > 0) (drafts[drafts.length - 1] as CueDraft).lines.push(...(paragraphs.shift() as SourceLine[]));
  for (const para of paragraphs) {
    const first = para[0] as SourceLine;
    if (para.length >= 2 && isIndexLike(first.text)) {
      const cue = drafts.length + 1;
      numbering.checkIndex(first, cue);
      problems.push({ line: first.n, cue, kind: "bad_timestamp", severity: "error", message: "cue has no timing line", excerpt: first.text });
      drafts.push({ firstLine: first.n, lines: para.slice(1) });
      continue;
    }
    const target = drafts[drafts.length - 1] as CueDraft;
    problems.push({
      line: first.n,
      cue: drafts.length,
      kind: "orphan_text",
      severity: "warning",
      message: target.lines.length > 0 ? "text after a blank line joined to the cue above" : "text separated from its timing line by a blank line",
    });
    target.lines.push(...para);
  }
}

/** SRT indexes: present, numeric, counting up by one, never repeated. Rendering renumbers anyway. */
class IndexChecker {
  private last = 0;
  private readonly seen = new Set<number>();
  constructor(private readonly problems: CaptionProblem[]) {}

  check(block: ScannedBlock, cue: number): void {
    if (!block.header) {
      this.problems.push({ line: block.timing.n, cue, kind: "missing_index", severity: "warning", message: "cue has no index line" });
      this.last++;
      return;
    }
    if (block.headerJoinedToPrevious) {
      this.problems.push({ line: block.header.n, cue, kind: "missing_blank_line", severity: "warning", message: "no blank line before the cue" });
    }
    this.checkIndex(block.header, cue);
  }

  checkIndex(line: SourceLine, cue: number): void {
    const text = line.text.trim();
    const at = { line: line.n, cue };
    if (!INDEX.test(text)) {
      this.problems.push({ ...at, kind: "bad_index", severity: "error", message: `index "${text}" is not a number`, excerpt: line.text });
      this.last++;
      return;
    }
    const declared = Number(text);
    if (this.seen.has(declared)) {
      this.problems.push({ ...at, kind: "duplicate_index", severity: "warning", message: `index ${declared} was already used`, excerpt: line.text });
    } else if (declared !== this.last + 1) {
      this.problems.push({ ...at, kind: "bad_index", severity: "warning", message: `index ${declared} where ${this.last + 1} was expected`, excerpt: line.text });
    }
    this.seen.add(declared);
    this.last = declared;
  }
}

/** Writes cues numbered 1..n by position; timings to the millisecond. */
export function renderSrt(cues: readonly Cue[], options: CaptionRenderOptions = {}): string {
  const blocks = cues.map((cue, i) => {
    const timing = `${formatTimestamp(cue.startMs, "srt")} --> ${formatTimestamp(cue.endMs, "srt")}`;
    return [String(i + 1), cue.settings ? `${timing} ${cue.settings}` : timing, ...linesToRender(cue)].join("\n");
  });
  const body = blocks.length === 0 ? "" : `${blocks.join("\n\n")}\n${options.finalBlankLine ?? true ? "\n" : ""}`;
  return finishText(body, options);
}

export function finishText(body: string, options: CaptionRenderOptions): string {
  const withEndings = options.lineEnding === "\r\n" ? body.replace(/\n/g, "\r\n") : body;
  return options.bom ? `\uFEFF${withEndings}` : withEndings;
}
