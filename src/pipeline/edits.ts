// The edit log: the only way a stage may change text. Every change is recorded
// with provenance; changes below the stage's apply threshold are recorded as
// suggestions, leave the text alone and mark the segment for review.
import type { EditRecord, FlagRecord, Span } from "./types.js";

/** What a stage proposes; the log decides whether it is applied. */
export interface ProposedEdit {
  rule: string;
  before: string;
  after: string;
  source: Span;
  confidence: number;
  details?: Readonly<Record<string, string>>;
}

export const LOW_CONFIDENCE_FLAG = "low_confidence_edit";

export class EditLog {
  readonly edits: EditRecord[] = [];
  readonly flags: FlagRecord[] = [];
  needsReview = false;
  /** One low-confidence flag per stage+rule, counting its suggestions (keeps flags short). */
  private readonly suggestionFlags = new Map<string, { flag: FlagRecord; count: number }>();

  /**
   * Records the edit for `stage` and returns whether it is applied
   * (confidence >= threshold). The caller changes the text only when true.
   */
  propose(stage: string, threshold: number, edit: ProposedEdit): boolean {
    const applied = edit.confidence >= threshold;
    this.edits.push({
      stage,
      rule: edit.rule,
      before: edit.before,
      after: edit.after,
      source: { start: edit.source.start, end: edit.source.end },
      confidence: edit.confidence,
      applied,
      ...(edit.details ? { details: { ...edit.details } } : {}),
    });
    if (!applied) this.noteSuggestion(stage, edit.rule, threshold);
    return applied;
  }

  private noteSuggestion(stage: string, rule: string, threshold: number): void {
    this.needsReview = true;
    const key = `${stage}\u0000${rule}`;
    let entry = this.suggestionFlags.get(key);
    if (entry === undefined) {
      entry = { flag: { code: LOW_CONFIDENCE_FLAG, stage, detail: "" }, count: 0 };
      this.suggestionFlags.set(key, entry);
      this.flags.push(entry.flag);
    }
    entry.count++;
    entry.flag.detail = `${entry.count} ${rule} edit(s) below apply threshold ${threshold}, suggested only`;
  }

  /** A flag that is not tied to an edit (e.g. a hold-back limit reached). */
  flag(stage: string, code: string, detail: string, needsReview = false): void {
    this.flags.push({ code, stage, detail });
    if (needsReview) this.needsReview = true;
  }
}
