// disfluency: removes hesitation fillers ("um", "uh", ...). Later rules
// (discourse fillers, repetitions, self-repairs) join here as more classes.
import type { Token } from "../tokens.js";
import { withText } from "../tokens.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings, type Stage, type StageEnv } from "../stage.js";
import { sentenceMarkOf, splitAffixes, stripSoftTrail } from "../text.js";

export const DEFAULT_FILLERS: readonly string[] = ["um", "uh", "er", "ah", "hmm", "mm", "erm", "uhm"];

/** Sounds that are never words in English: removing them cannot lose meaning. */
const HESITATION_SOUNDS = new Set(["um", "umm", "uh", "uhh", "uhm", "er", "erm", "hm", "hmm", "mm", "mmm", "mhm"]);
/** Interjections that usually hesitate but can carry meaning ("Ah, I see"). */
const INTERJECTIONS = new Set(["ah", "oh", "eh", "ahh", "ohh"]);
const HESITATION_CONFIDENCE = 0.95;
const INTERJECTION_CONFIDENCE = 0.8;
/** A user-listed word we know nothing about; may well be content elsewhere. */
const CUSTOM_FILLER_CONFIDENCE = 0.7;

const MAX_FILLERS = 500;
const MAX_FILLER_LENGTH = 40;
const SINGLE_WORD = /^[\p{L}\p{M}\p{N}'’]+$/u;
/** Punctuation a filler may carry and still be removed whole; quotes/brackets would unbalance. */
const REMOVABLE_TRAIL = new Set([",", ";", ":", ".", "?", "!", "\u2026", "-", "\u2013", "\u2014"]);
const REMOVABLE_LEAD = new Set([".", "\u2026", "-", "\u2013", "\u2014"]);
/** Ends in any terminal mark (incl. "Dr.", "so..."): a sentence end would be doubled. */
const ENDS_IN_TERMINAL_MARK = /[.?!\u2026]["'\u201D\u2019)\]]*$/u;

export interface DisfluencyOptions extends BaseStageOptions {
  fillerRule: boolean;
  /** Lowercased filler -> confidence that removing it is right. */
  fillers: ReadonlyMap<string, number>;
}

function fillerConfidence(filler: string): number {
  if (HESITATION_SOUNDS.has(filler)) return HESITATION_CONFIDENCE;
  if (INTERJECTIONS.has(filler)) return INTERJECTION_CONFIDENCE;
  return CUSTOM_FILLER_CONFIDENCE;
}

function parseOptions(settings: ResolvedStageSettings): DisfluencyOptions {
  const r = new OptionReader("disfluency", settings);
  const fillerRule = r.classEnabled("filler");
  const applyThreshold = r.applyThreshold();
  const list = r.stringList("fillers", DEFAULT_FILLERS) ?? [];
  const fillers = new Map<string, number>();
  if (list.length > MAX_FILLERS) r.fail("params.fillers", `at most ${MAX_FILLERS} fillers, got ${list.length}`);
  for (const item of list) {
    if (item.length > MAX_FILLER_LENGTH) {
      r.fail("params.fillers", `"${item.slice(0, 20)}…" is longer than ${MAX_FILLER_LENGTH} characters`);
    } else if (!SINGLE_WORD.test(item)) {
      r.fail("params.fillers", `"${item}" must be a single word without spaces or punctuation`);
    } else {
      const key = item.toLowerCase();
      fillers.set(key, fillerConfidence(key));
    }
  }
  r.finish();
  return { applyThreshold, fillerRule, fillers };
}

interface FillerMatch {
  confidence: number;
  /** The sentence mark the filler carried ("." "?" "!"), or "". */
  mark: string;
  /** The filler ended in a comma (one half of a ", uh," pair). */
  comma: boolean;
}

/** Whether the whole token is a listed filler, possibly with removable punctuation around it. */
function matchFiller(text: string, o: DisfluencyOptions): FillerMatch | null {
  const { lead, core, trail } = splitAffixes(text);
  const confidence = o.fillers.get(core.toLowerCase());
  if (confidence === undefined) return null;
  for (const ch of lead) if (!REMOVABLE_LEAD.has(ch)) return null;
  for (const ch of trail) if (!REMOVABLE_TRAIL.has(ch)) return null;
  return { confidence, mark: sentenceMarkOf(trail), comma: trail.startsWith(",") };
}

/**
 * The text the previous kept word should take once the filler goes, or null to
 * leave it. Choices (the cleanest reading; see PIPELINE.md "punctuation left behind"):
 * - a sentence end on the filler moves to the previous word: "went um." -> "went.",
 *   replacing a pause mark there ("went, um." -> "went.");
 * - commas bracketing the filler go together: "we, uh, went" -> "we went";
 * - anything else the filler carried is dropped: "um, so" -> "so", "think um, we" -> "think we".
 */
function tidiedPrevious(prev: string, match: FillerMatch): string | null {
  if (match.mark !== "") {
    if (ENDS_IN_TERMINAL_MARK.test(prev)) return null;
    return stripSoftTrail(prev) + match.mark;
  }
  if (match.comma && prev.endsWith(",")) return prev.slice(0, -1);
  return null;
}

function run(tokens: Token[], o: DisfluencyOptions, env: StageEnv): Token[] {
  if (!o.fillerRule || o.fillers.size === 0) return tokens;
  const out: Token[] = [];
  for (const token of tokens) {
    const match = matchFiller(token.text, o);
    if (match === null) {
      out.push(token);
      continue;
    }
    const prev = out.length > 0 ? out[out.length - 1]! : undefined;
    const applied = env.propose({ rule: "filler", before: token.text, after: "", source: token.source, confidence: match.confidence });
    // The tidy-up is part of the same change: applied or suggested together.
    const prevText = prev === undefined ? null : tidiedPrevious(prev.text, match);
    if (prev !== undefined && prevText !== null) {
      env.propose({ rule: "filler", before: prev.text, after: prevText, source: prev.source, confidence: match.confidence });
    }
    if (!applied) {
      out.push(token);
      continue;
    }
    if (prev !== undefined && prevText !== null) out[out.length - 1] = withText(prev, prevText);
    // A removed "Um." opening the segment still ended a sentence: tell casing.
    if (prev === undefined && match.mark !== "") env.atSentenceStart = true;
  }
  return out;
}

export const disfluencyStage: Stage<DisfluencyOptions> = {
  name: "disfluency",
  enabledByDefault: true,
  parseOptions,
  run,
};
