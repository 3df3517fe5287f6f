// Option errors carry structured field violations so the server can answer
// INVALID_ARGUMENT with google.rpc.BadRequest field violations, and the config
// loader can name the offending YAML key.

export interface OptionViolation {
  /** Stage the violation belongs to (the unknown name itself for an unknown stage). */
  stage: string;
  /** Dotted path under the stage settings, e.g. "params.apply_threshold", "classes.filler", "" for the stage itself. */
  param: string;
  /** Human-readable reason, e.g. "must be a number between 0 and 1". */
  reason: string;
}

/** Thrown by stage option parsers and compileProfile. Always has at least one violation. */
export class StageOptionsError extends Error {
  override readonly name = "StageOptionsError";
  readonly violations: readonly OptionViolation[];

  constructor(violations: readonly OptionViolation[]) {
    super(violations.map(describeViolation).join("; "));
    if (violations.length === 0) throw new TypeError("StageOptionsError needs at least one violation");
    this.violations = violations;
  }

  /** The first violation's stage, for callers that report one field. */
  get stage(): string {
    return this.violations[0]!.stage;
  }
  get param(): string {
    return this.violations[0]!.param;
  }
  get reason(): string {
    return this.violations[0]!.reason;
  }

  /** One stage's single violation. */
  static of(stage: string, param: string, reason: string): StageOptionsError {
    return new StageOptionsError([{ stage, param, reason }]);
  }
}

/** "stages.disfluency.params.apply_threshold" — the path as written in a profile. */
export function violationField(v: OptionViolation): string {
  return v.param === "" ? `stages.${v.stage}` : `stages.${v.stage}.${v.param}`;
}

function describeViolation(v: OptionViolation): string {
  return `${violationField(v)}: ${v.reason}`;
}
