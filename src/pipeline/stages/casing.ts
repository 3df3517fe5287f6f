// casing: capitalises sentence starts. Never lowercases (the ASR's or an
// earlier stage's capitals are kept), so it is idempotent by construction.
// Later rules ("I", lexicon proper nouns, known names) join here as classes.
import type { Token } from "../tokens.js";
import { withText } from "../tokens.js";
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings, type Stage, type StageEnv } from "../stage.js";
import { capitalizeSentenceStart, endsSentence } from "../text.js";

/** Capitalising after a clear sentence end is near-certain; abbreviations are excluded upstream. */
const SENTENCE_START_CONFIDENCE = 0.95;

export interface CasingOptions extends BaseStageOptions {
  sentenceStartRule: boolean;
}

function parseOptions(settings: ResolvedStageSettings): CasingOptions {
  const r = new OptionReader("casing", settings);
  const sentenceStartRule = r.classEnabled("sentence_start");
  const applyThreshold = r.applyThreshold();
  r.finish();
  return { applyThreshold, sentenceStartRule };
}

/**
 * A word starts a sentence when it opens the stream, follows a word ending in
 * . ? or ! (also across segments, via env.atSentenceStart), or follows a
 * sentence end an earlier stage removed (e.g. "Um," dropped before "so").
 */
function run(tokens: Token[], o: CasingOptions, env: StageEnv): Token[] {
  if (!o.sentenceStartRule) return tokens;
  let out: Token[] | null = null;
  let atStart = env.atSentenceStart;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (atStart) {
      const capitalised = capitalizeSentenceStart(token.text);
      if (capitalised !== token.text) {
        const applied = env.propose({
          rule: "sentence_start",
          before: token.text,
          after: capitalised,
          source: token.source,
          confidence: SENTENCE_START_CONFIDENCE,
        });
        if (applied) {
          out ??= tokens.slice();
          out[i] = withText(token, capitalised);
        }
      }
    }
    atStart = endsSentence(token.text);
  }
  return out ?? tokens;
}

export const casingStage: Stage<CasingOptions> = {
  name: "casing",
  enabledByDefault: true,
  parseOptions,
  run,
};
