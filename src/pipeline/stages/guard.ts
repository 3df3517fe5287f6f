// guard: compares a segment's output with its input. When the share of source
// words changed by applied edits (the edit ratio) exceeds `max_edit_ratio`,
// the segment is flagged `drift_guard` for review; when the share changed by
// uncertain edits alone (confidence < `keep_confidence`) exceeds it too, the
// segment is processed again keeping only the confident edits, the others
// coming back as suggestions (applied=false). Only the uncertain share decides
// the re-run: confident edits stay either way, and on a second pass over the
// output (where they are already made, so the total share is smaller) the
// uncertain share is the same or larger — the decision repeats, and the
// pipeline stays idempotent.
//
// The work is a post-pass in profile.ts's run loop, not a token rewrite here:
// re-running the stages with a raised apply threshold is the one way to drop
// an edit that later stages built on (ITN merges, casing of a merged token)
// while keeping every token's source span and timings exact. Redaction edits
// are neither counted nor dropped: they are policy, not drift, and dropping
// one would leak what it hid. For the same reason an edit overlapping a
// redacted span (the ITN edit that turned "four one one one …" into the digits
// redaction then caught) is protected too: reverting it would put the number
// back as words that redaction cannot see. Verse replacements are exempt as
// well: a recognised recitation is one deliberate change of many words, gated
// by its own similarity threshold and runner-up margin; counted word by word
// it would always look like drift. Edits that only change case or
// punctuation (a restored period, a capital) are not drift either, and nor
// are those of the stages that rewrite how the words are written but not
// which words were said: ITN ("august twenty seventh eighteen thirty seven"
// -> "August 27, 1837") and transliteration. They are neither counted nor
// reverted: a dated heading or a sentence that is mostly a number is not a
// segment that drifted, and a lexicon edit that did drift is no reason to
// write its date in words again.
import type { Span } from "../types.js";
import { normalizeWordText, type Token } from "../tokens.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings, type Stage } from "../stage.js";

export const DRIFT_GUARD_FLAG = "drift_guard";
/** Stages whose edits the guard never counts nor reverts, nor the edits of other stages under them. */
export const GUARD_EXEMPT_STAGES: ReadonlySet<string> = new Set(["redaction", "verses"]);
/** Stages that change how words are written, not which: the guard never counts nor reverts their edits. */
export const GUARD_FORMAT_STAGES: ReadonlySet<string> = new Set(["itn", "transliteration"]);

export interface GuardOptions extends BaseStageOptions {
  maxEditRatio: number;
  keepConfidence: number;
}

function parseOptions(settings: ResolvedStageSettings): GuardOptions {
  const r = new OptionReader("guard", settings);
  const maxEditRatio = r.number("max_edit_ratio", 0.5, 0, 1);
  const keepConfidence = r.number("keep_confidence", 0.9, 0, 1);
  const applyThreshold = r.applyThreshold();
  r.finish();
  return { applyThreshold, maxEditRatio, keepConfidence };
}

interface GuardEdit {
  readonly stage: string;
  readonly before: string;
  readonly after: string;
  readonly source: Span;
  readonly confidence: number;
  readonly applied: boolean;
}

/** Source spans of applied redaction (exempt-stage) edits. */
export function protectedSpans(edits: readonly GuardEdit[]): Span[] {
  return edits.filter((e) => e.applied && GUARD_EXEMPT_STAGES.has(e.stage)).map((e) => e.source);
}

/** The edit is an exempt or format stage's own, or overlaps what redaction hid: the guard leaves it alone. */
export function isProtected(stage: string, source: Span, spans: readonly Span[]): boolean {
  return GUARD_EXEMPT_STAGES.has(stage) || GUARD_FORMAT_STAGES.has(stage) || spans.some((p) => source.start < p.end && p.start < source.end);
}

/** Lower case, letters and digits only: what an edit must change to count as drift. */
function wordContent(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, "").replace(/\s+/g, " ").trim();
}

/**
 * Changed source words / source words (words that are only whitespace do not
 * count), over applied, unprotected edits that change more than case and
 * punctuation — only those below `below` when given (the uncertain share).
 */
export function editRatio(edits: readonly GuardEdit[], sources: ReadonlyArray<{ text: string }>, spans: readonly Span[], below = Infinity): number {
  const changed = new Set<number>();
  for (const e of edits) {
    // A change of letter case or punctuation only ("um" -> "Um", "time" -> "time.") is not semantic drift.
    if (!e.applied || e.confidence >= below || isProtected(e.stage, e.source, spans) || wordContent(e.before) === wordContent(e.after)) continue;
    for (let i = e.source.start; i < e.source.end; i++) changed.add(i);
  }
  let words = 0;
  let changedWords = 0;
  for (let i = 0; i < sources.length; i++) {
    if (normalizeWordText(sources[i]!.text) === "") continue;
    words++;
    if (changed.has(i)) changedWords++;
  }
  return words === 0 ? 0 : changedWords / words;
}

/** Some applied, unprotected edit is below `keep`: a guarded re-run would change something. */
export function hasRevertible(edits: readonly GuardEdit[], keep: number, spans: readonly Span[]): boolean {
  return edits.some((e) => e.applied && !isProtected(e.stage, e.source, spans) && e.confidence < keep);
}

export const guardStage: Stage<GuardOptions> = {
  name: "guard",
  enabledByDefault: false,
  parseOptions,
  /** Tokens pass through; the pipeline runs the guard after every stage (see the header). */
  run: (tokens: Token[]) => tokens,
};
