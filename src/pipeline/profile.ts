// compileProfile: merge a profile with per-stream overrides, validate it all up
// front, and return a pipeline that runs segments with no further parsing.
import { readContext, writeContext } from "./context.js";
import { EditLog, type ProposedEdit } from "./edits.js";
import { StageOptionsError, type OptionViolation } from "./errors.js";
import { buildResult } from "./result.js";
import { MAX_SETTLING_ROUNDS, planRun, SENTENCE_SHAPERS, type RunPlan } from "./run-plan.js";
import { resolveSettings, type BaseStageOptions, type ResolvedStageSettings, type Stage, type StageEnv } from "./stage.js";
import { STAGE_NAMES, STAGES, type StageName } from "./stages/index.js";
import { DRIFT_GUARD_FLAG, editRatio, hasRevertible, isProtected, protectedSpans, type GuardOptions } from "./stages/guard.js";
import { endsSentence } from "./text.js";
import { scrubRedactedEdits } from "./stages/redaction/index.js";
import { toTokens, tokenizeSegment, type Token } from "./tokens.js";
import type { ContextView } from "./context.js";
import type { PipelineResources } from "./resources.js";
import type { ProfileInput, SegmentInput, SegmentResult, SourceWord, Span, StageSettingsInput, StreamContext } from "./types.js";

export interface CompiledStage {
  readonly name: StageName;
  readonly enabled: boolean;
  /** The merged settings it was compiled from (for logs and introspection). */
  readonly settings: Readonly<ResolvedStageSettings>;
}

export interface PipelineRun {
  result: SegmentResult;
  /** The context for the stream's next segment. Interim segments return the input context unchanged. */
  context: StreamContext;
}

export interface CompiledPipeline {
  /** Every known stage in run order, enabled or not. */
  readonly stages: readonly CompiledStage[];
  /**
   * Processes one segment. Pure and synchronous; safe to call concurrently for
   * different streams. Only final segments advance the context: an interim is
   * replaced by a later segment covering the same speech, so it must not move
   * sentence state forward.
   */
  run(segment: SegmentInput, context: StreamContext, timing?: StageTiming): PipelineRun;
}

/**
 * Optional per-stage timing. The clock is handed in (the pipeline reads no
 * clock of its own); milliseconds are added to stageMs[stage] so a caller can
 * total a whole batch and report it once.
 */
export interface StageTiming {
  now(): number;
  stageMs: Record<string, number>;
}

interface ActiveStage {
  readonly name: StageName;
  readonly stage: Stage;
  readonly options: BaseStageOptions;
  /** A stage's second look (Stage.secondLook): no stream state of its own. */
  readonly secondLook?: true;
}

/** Overrides win field by field; `enabled` unset keeps the profile's; classes and params merge by key. */
function mergeSettings(
  profile: StageSettingsInput | undefined,
  override: StageSettingsInput | undefined,
  enabledByDefault: boolean,
): ResolvedStageSettings {
  const base = resolveSettings(profile, enabledByDefault);
  if (override === undefined) return base;
  return {
    enabled: override.enabled ?? base.enabled,
    classes: { ...base.classes, ...(override.classes ?? {}) },
    params: { ...base.params, ...(override.params ?? {}) },
  };
}

function unknownStageNames(settings: Record<string, StageSettingsInput> | undefined): string[] {
  if (settings === undefined || settings === null) return [];
  return Object.keys(settings).filter((name) => !STAGES.has(name));
}

function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Validates and compiles. Throws StageOptionsError listing every violation
 * (unknown stage, unknown or bad param, unknown class) across all stages —
 * disabled stages are validated too, so a typo never waits for the day the
 * stage is switched on. `resources` (tables loaded once per process) are handed
 * to every stage's parseOptions; without them, stages that need data (itn)
 * validate their options but change nothing.
 */
export function compileProfile(
  profile: ProfileInput,
  overrides?: Record<string, StageSettingsInput>,
  resources: PipelineResources = {},
): CompiledPipeline {
  const violations: OptionViolation[] = [];
  const known = STAGE_NAMES.join(", ");
  for (const name of new Set([...unknownStageNames(profile.stages), ...unknownStageNames(overrides)])) {
    violations.push({ stage: name, param: "", reason: `unknown stage; known stages: ${known}` });
  }
  const compiled: CompiledStage[] = [];
  const active: ActiveStage[] = [];
  for (const name of STAGE_NAMES) {
    const stage = STAGES.get(name)!;
    const settings = mergeSettings(own(profile.stages, name), own(overrides, name), stage.enabledByDefault);
    compiled.push(Object.freeze({ name, enabled: settings.enabled, settings: Object.freeze(settings) }));
    try {
      const options = stage.parseOptions(settings, resources);
      if (settings.enabled) active.push({ name, stage, options });
    } catch (err) {
      if (!(err instanceof StageOptionsError)) throw err;
      violations.push(...err.violations);
    }
  }
  if (violations.length > 0) throw new StageOptionsError(violations);
  // The guard is a post-pass over the whole segment, not a stage in the loop.
  const guard = active.find((s) => s.name === "guard");
  const plan = planRun(active.filter((s) => s !== guard), (s) => ({ ...s, stage: { ...s.stage, run: s.stage.secondLook! }, secondLook: true as const }));
  return new Pipeline(compiled, plan, guard?.options as GuardOptions | undefined);
}

interface StagesRun {
  tokens: Token[];
  log: EditLog;
  atSentenceStart: boolean;
  slots: Record<string, unknown> | undefined;
}

class Pipeline implements CompiledPipeline {
  constructor(
    readonly stages: readonly CompiledStage[],
    private readonly plan: RunPlan<ActiveStage>,
    private readonly guard: GuardOptions | undefined,
  ) {}

  run(segment: SegmentInput, context: StreamContext, timing?: StageTiming): PipelineRun {
    const sources = tokenizeSegment(segment);
    const prior = readContext(context);
    let pass = this.runStages(segment, sources, prior, 0, [], timing);
    // Drift guard: too much of the segment changed. When uncertain edits alone
    // changed too much, run it again keeping only confident edits (the rest
    // are logged as suggestions); a re-run, not a patch, keeps every span and
    // timing exact. Either way the segment is flagged for review.
    const g = this.guard;
    if (g !== undefined) {
      const spans = protectedSpans(pass.log.edits);
      const ratio = editRatio(pass.log.edits, sources, spans);
      if (ratio > g.maxEditRatio) {
        const uncertain = editRatio(pass.log.edits, sources, spans, g.keepConfidence);
        let detail = `edit ratio ${ratio.toFixed(2)} > ${g.maxEditRatio}`;
        if (uncertain > g.maxEditRatio) {
          if (hasRevertible(pass.log.edits, g.keepConfidence, spans)) pass = this.runStages(segment, sources, prior, g.keepConfidence, spans, timing);
          detail += `, ${uncertain.toFixed(2)} by edits below ${g.keepConfidence}: only confident edits kept, the rest suggested`;
        } else {
          detail += `; edits below ${g.keepConfidence} change ${uncertain.toFixed(2)}: kept`;
        }
        pass.log.flag("guard", DRIFT_GUARD_FLAG, detail, true);
      }
    }
    const { tokens, log } = pass;
    scrubRedactedEdits(log.edits);
    const result = buildResult(segment, sources, tokens, log);
    if (!segment.isFinal) return { result, context };
    const last = tokens[tokens.length - 1];
    const atSentenceStart = last === undefined ? pass.atSentenceStart : endsSentence(last.text);
    return { result, context: writeContext(atSentenceStart, pass.slots ?? prior.stages) };
  }

  /**
   * Every active stage once. `floor` raises each stage's apply threshold,
   * except for edits the guard protects (redaction's, and those overlapping
   * the `spans` redaction covered in the first pass).
   */
  private runStages(segment: SegmentInput, sources: SourceWord[], prior: ContextView, floor: number, spans: readonly Span[], timing?: StageTiming): StagesRun {
    let tokens = toTokens(sources, segment);
    const log = new EditLog();
    let slots: Record<string, unknown> | undefined;

    // One env reused across stages; the current stage is swapped in as we go
    // (propose/flag are only called from inside a stage's run).
    let current = this.plan.main[0] as ActiveStage;
    const threshold = (s: ActiveStage, edit: ProposedEdit) =>
      floor === 0 || isProtected(s.name, edit.source, spans) ? s.options.applyThreshold : Math.max(s.options.applyThreshold, floor);
    const env: StageEnv = {
      atSentenceStart: prior.atSentenceStart,
      state: undefined,
      isFinal: segment.isFinal,
      sources,
      propose: (edit: ProposedEdit) => log.propose(current.name, threshold(current, edit), edit),
      flag: (code: string, detail: string, needsReview?: boolean) => log.flag(current.name, code, detail, needsReview),
    };
    const runStage = (s: ActiveStage) => {
      current = s;
      // A stage run again (a shaper after a second look) starts again from the stream's state: the last run's state stands.
      const before = s.secondLook || !Object.hasOwn(prior.stages, s.name) ? undefined : prior.stages[s.name];
      env.state = before;
      if (timing) {
        const started = timing.now();
        tokens = s.stage.run(tokens, s.options, env);
        timing.stageMs[s.name] = (timing.stageMs[s.name] ?? 0) + (timing.now() - started);
      } else {
        tokens = s.stage.run(tokens, s.options, env);
      }
      if (env.state !== before && !s.secondLook) (slots ??= { ...prior.stages })[s.name] = env.state;
    };
    this.plan.main.forEach(runStage);
    // Second looks, and the shapers again after any that changed the segment, until they change nothing.
    // When the shapers changed nothing (the ASR punctuated it), the first run already saw these sentences.
    const shaped = this.plan.looks.length > 0 && log.edits.some((e) => e.applied && SENTENCE_SHAPERS.has(e.stage as StageName));
    for (let round = 0; shaped && round < MAX_SETTLING_ROUNDS; round++) {
      const logged = log.edits.length;
      this.plan.looks.forEach(runStage);
      if (log.edits.length === logged) break;
      this.plan.reshapers.forEach(runStage);
    }
    this.plan.rest.forEach(runStage);
    return { tokens, log, atSentenceStart: env.atSentenceStart, slots };
  }
}
