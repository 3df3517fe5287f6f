// The contract every stage implements, and the option reader stages use to
// validate their settings. Stages are pure: tokens + options + per-stream state
// in, tokens out, with every text change going through env.propose().
import type { SourceWord, StageSettingsInput } from "./types.js";
import type { Token } from "./tokens.js";
import type { ProposedEdit } from "./edits.js";
import type { PipelineResources } from "./resources.js";
import { StageOptionsError, type OptionViolation } from "./errors.js";

export type ParamValue = string | number | boolean | string[];

/** Stage settings after profile + overrides are merged; nothing optional. */
export interface ResolvedStageSettings {
  enabled: boolean;
  classes: Record<string, boolean>;
  params: Record<string, ParamValue>;
}

/** Options every stage has once parsed. */
export interface BaseStageOptions {
  /** Edits with confidence below this are only suggested. */
  applyThreshold: number;
}

/** What a stage sees besides its tokens, for one segment. */
export interface StageEnv {
  /**
   * True when the segment's first token starts a sentence (start of stream, or
   * the previous final segment ended one). A stage that removes a sentence end
   * at the head of the segment sets it, so later stages still see the boundary.
   */
  atSentenceStart: boolean;
  /**
   * This stage's per-stream slot: what it left here after the previous final
   * segment, undefined at stream start. Plain, small data only (it travels
   * between worker threads); assign to replace. Treat what you read as
   * untrusted shape (validate, fall back to a fresh state).
   */
  state: unknown;
  readonly isFinal: boolean;
  /** The segment's source words (span indexes point here). */
  readonly sources: readonly SourceWord[];
  /** Records an edit for this stage; returns true when it is applied (change the text only then). */
  propose(edit: ProposedEdit): boolean;
  flag(code: string, detail: string, needsReview?: boolean): void;
}

/**
 * A pipeline stage. Must be idempotent: running it on its own output proposes
 * no applied edit. `run` may return the input array when nothing changed.
 */
export interface Stage<O extends BaseStageOptions = BaseStageOptions> {
  readonly name: string;
  /** Whether the stage runs when neither the profile nor the stream mentions it. */
  readonly enabledByDefault: boolean;
  /**
   * Validates settings; throws StageOptionsError naming every bad field.
   * `resources` are the process's loaded tables (absent when only validating).
   */
  parseOptions(settings: ResolvedStageSettings, resources: PipelineResources): O;
  run(tokens: Token[], options: O, env: StageEnv): Token[];
  /**
   * A second look, applying only, once the segment has its sentence shape
   * (after the punctuation and casing stages, when either is on): rules that
   * need sentence boundaries see them in raw ASR only after those stages.
   * Without it such rules would first fire on the pipeline's own output, and
   * the pipeline would not be idempotent. Keeps no stream state.
   */
  secondLook?(tokens: Token[], options: O, env: StageEnv): Token[];
}

export const DEFAULT_APPLY_THRESHOLD = 0.5;

/**
 * Reads a stage's params and classes, collecting every violation, and rejects
 * names the stage never read (typos must not silently fall back to defaults).
 * Params come either from YAML (typed) or from the wire (always strings), so
 * each reader accepts both spellings.
 */
export class OptionReader {
  private readonly violations: OptionViolation[] = [];
  private readonly readParams = new Set<string>();
  private readonly readClasses = new Set<string>();

  constructor(
    private readonly stage: string,
    private readonly settings: ResolvedStageSettings,
  ) {}

  fail(param: string, reason: string): void {
    this.violations.push({ stage: this.stage, param, reason });
  }

  /** A class switch (a rule family the stage can turn off); defaults to on. */
  classEnabled(name: string, defaultValue = true): boolean {
    this.readClasses.add(name);
    const v = this.settings.classes[name];
    return v === undefined ? defaultValue : v;
  }

  number(name: string, defaultValue: number, min: number, max: number): number {
    this.readParams.add(name);
    const raw = this.settings.params[name];
    if (raw === undefined) return defaultValue;
    const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
    if (!Number.isFinite(value) || value < min || value > max) {
      this.fail(`params.${name}`, `must be a number between ${min} and ${max}, got ${JSON.stringify(raw)}`);
      return defaultValue;
    }
    return value;
  }

  /** A boolean from YAML (true/false) or the wire ("true"/"false"). */
  boolean(name: string, defaultValue: boolean): boolean {
    this.readParams.add(name);
    const raw = this.settings.params[name];
    if (raw === undefined) return defaultValue;
    if (raw === true || raw === "true") return true;
    if (raw === false || raw === "false") return false;
    this.fail(`params.${name}`, `must be true or false, got ${JSON.stringify(raw)}`);
    return defaultValue;
  }

  /** One of a fixed set of names. */
  choice<T extends string>(name: string, defaultValue: T, allowed: readonly T[]): T {
    this.readParams.add(name);
    const raw = this.settings.params[name];
    if (raw === undefined) return defaultValue;
    if (typeof raw === "string" && (allowed as readonly string[]).includes(raw)) return raw as T;
    this.fail(`params.${name}`, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(raw)}`);
    return defaultValue;
  }

  /** A list from a YAML sequence or a comma-separated wire string; items trimmed, empties dropped. */
  stringList(name: string, defaultValue: readonly string[]): string[] | undefined {
    this.readParams.add(name);
    const raw = this.settings.params[name];
    if (raw === undefined) return [...defaultValue];
    let items: string[];
    if (Array.isArray(raw)) items = raw;
    else if (typeof raw === "string") items = raw.split(",");
    else {
      this.fail(`params.${name}`, `must be a list of strings or a comma-separated string, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    if (!items.every((s) => typeof s === "string")) {
      this.fail(`params.${name}`, "every item must be a string");
      return undefined;
    }
    return items.map((s) => s.trim()).filter((s) => s.length > 0);
  }

  applyThreshold(defaultValue = DEFAULT_APPLY_THRESHOLD): number {
    return this.number("apply_threshold", defaultValue, 0, 1);
  }

  /** Throws StageOptionsError when anything was wrong or unknown; call after reading everything. */
  finish(): void {
    for (const name of Object.keys(this.settings.params)) {
      if (!this.readParams.has(name)) this.fail(`params.${name}`, `unknown parameter for stage ${this.stage}`);
    }
    for (const name of Object.keys(this.settings.classes)) {
      if (!this.readClasses.has(name)) this.fail(`classes.${name}`, `unknown class for stage ${this.stage}`);
    }
    if (this.violations.length > 0) throw new StageOptionsError(this.violations);
  }
}

/** Settings with every field present, for a stage given only partial input. */
export function resolveSettings(input: StageSettingsInput | undefined, enabledByDefault: boolean): ResolvedStageSettings {
  return {
    enabled: input?.enabled ?? enabledByDefault,
    classes: { ...(input?.classes ?? {}) },
    params: { ...(input?.params ?? {}) },
  };
}
