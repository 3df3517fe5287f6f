// verses: recognises recited verses of a loaded corpus (config/verses/, e.g.
// the Bhagavad Gītā in IAST) in English-ized ASR spelling ("karmanye
// vadhikaraste ma phaleshu kadachana") and writes the canonical IAST with a
// citation ("… kadācana (BG 2.47)"); a partial recitation gets the part it
// recited. Spoken references naming a work ("chapter two verse forty seven of
// the gita") become "Bhagavad Gītā 2.47" per the profile.
//
// Recognition: keys through a phonetic fold (fold.ts), candidate verses by
// n-gram retrieval (verse-index.ts), local alignment for which words are the
// recitation, a fit of those words against each candidate, and the margin
// over the runner-up (match.ts). Confidence is the similarity, lowered when
// another verse fits almost as well; below the apply threshold the change is
// suggested and the segment flagged for review; below min_similarity nothing
// is proposed.
//
// Across segments: see state.ts. Interim segments run through the same rules
// and read the state, but only finals advance it.
import type { PipelineResources } from "../../resources.js";
import type { ResolvedStageSettings, Stage, StageEnv } from "../../stage.js";
import { mergeTokens, type Token } from "../../tokens.js";
import { coreOf } from "../itn/span.js";
import { cachedWordKey } from "./fold.js";
import { findVerseMatches, wordsOfPart, type VerseMatch } from "./match.js";
import { parseVersesOptions, type VersesOptions } from "./options.js";
import { findReferences } from "./references.js";
import { citationText, citationTokensAt, isCanonical, referenceText, renderWords } from "./render.js";
import { nextState, readState } from "./state.js";

export { parseVerseCorpus, VerseCorpusError, type Verse, type VerseWork } from "./corpus.js";
export type { VersesOptions } from "./options.js";

export const VERSE_SPLIT_FLAG = "verse_split_across_segments";
const REFERENCE_CONFIDENCE = 0.9;

/**
 * Below this many key characters (about a quarter verse) a recitation is
 * short enough for English words to fit it by chance ("centrist vanilla"
 * against "paraṃ dṛṣṭvā"), so each missing character costs confidence.
 */
const SHORT_RECITATION_KEY_CHARS = 24;
const SHORTNESS_COST = 0.01;

/**
 * Confidence of a recognised recitation: its similarity, minus twice the
 * shortfall of its margin over the runner-up, minus the shortness cost.
 */
export function recitationConfidence(m: Pick<VerseMatch, "similarity" | "margin" | "keyLength">, minMargin: number): number {
  const c = m.similarity - 2 * Math.max(0, minMargin - m.margin) - SHORTNESS_COST * Math.max(0, SHORT_RECITATION_KEY_CHARS - m.keyLength);
  return Math.round(Math.max(0, Math.min(1, c)) * 1000) / 1000;
}

class Rewriter {
  readonly out: Token[] = [];
  changed = false;
  constructor(private readonly env: StageEnv) {}

  /** Proposes replacing tokens `parts` by `after`; pushes the result or the originals. */
  replace(parts: readonly Token[], after: string, rule: string, confidence: number): boolean {
    const before = parts.map((p) => p.text).join(" ");
    const source = { start: parts[0]!.source.start, end: parts[parts.length - 1]!.source.end };
    if (!this.env.propose({ rule, before, after, source, confidence })) {
      this.out.push(...parts);
      return false;
    }
    this.out.push(mergeTokens(parts, after));
    this.changed = true;
    return true;
  }
}

/** The tokens' text with the first token's leading and the last token's trailing punctuation around `middle`. */
function keepEdges(parts: readonly Token[], middle: string): string {
  return coreOf(parts[0]!.text).lead + middle + coreOf(parts[parts.length - 1]!.text).trail;
}

function references(tokens: Token[], o: VersesOptions, env: StageEnv): Token[] {
  const found = findReferences(tokens, o.index!, o.numbers, o.allowed);
  if (found.length === 0) return tokens;
  const r = new Rewriter(env);
  let at = 0;
  for (const m of found) {
    r.out.push(...tokens.slice(at, m.tokenStart));
    const parts = tokens.slice(m.tokenStart, m.tokenEnd);
    r.replace(parts, keepEdges(parts, referenceText(m.entry, o.referenceStyle)), "reference", REFERENCE_CONFIDENCE);
    at = m.tokenEnd;
  }
  r.out.push(...tokens.slice(at));
  return r.changed ? r.out : tokens;
}

const CITATION_END = /^\d+\.\d+\)/;
/** Words in a citation, "(" word included: "(Bhagavad Gītā 2.47)" is three. */
const MAX_CITATION_WORDS = 4;

/**
 * Keys for matching. A citation the stage wrote earlier ("(BG", "2.47)") is
 * silent, so it is neither matched as sound nor cut into on a re-run.
 */
function tokenKeys(tokens: readonly Token[]): string[] {
  const keys = tokens.map((t) => cachedWordKey(t.text));
  for (let i = 0; i < tokens.length; i++) {
    if (!CITATION_END.test(tokens[i]!.text)) continue;
    for (let j = i; j >= 0 && j > i - MAX_CITATION_WORDS; j--) {
      if (!tokens[j]!.text.startsWith("(")) continue;
      for (let k = j; k <= i; k++) keys[k] = "";
      break;
    }
  }
  return keys;
}

/**
 * Quick rejection before any index lookup: a recitation has at least one word
 * that is not English (with the English word list loaded; without it every
 * segment is looked up).
 */
function mayHoldRecitation(tokens: readonly Token[], englishWords: ReadonlyMap<string, number> | undefined): boolean {
  if (englishWords === undefined) return true;
  return tokens.some((t) => notEnglish(t.text, englishWords));
}

function notEnglish(text: string, englishWords: ReadonlyMap<string, number>): boolean {
  const core = coreOf(text).core.toLowerCase();
  return core.length >= 3 && !englishWords.has(core) && cachedWordKey(core).length >= 3;
}

/**
 * Where the words worth carrying to the next segment start: the trailing run
 * of words that may be recited Sanskrit (not English, or short like "ma",
 * "te"), when it holds a word that is not English. A segment ending in
 * English carries nothing, so the next one is not matched against it.
 */
function tailStart(tokens: readonly Token[], from: number, englishWords: ReadonlyMap<string, number> | undefined): number {
  if (englishWords === undefined) return from;
  let start = tokens.length;
  let foreign = false;
  while (start > from) {
    const text = tokens[start - 1]!.text;
    const isForeign = notEnglish(text, englishWords);
    if (!isForeign && coreOf(text).core.length > 3) break;
    foreign ||= isForeign;
    start--;
  }
  return foreign ? start : tokens.length;
}

function recitations(tokens: Token[], o: VersesOptions, env: StageEnv): { tokens: Token[]; unmatchedFrom: number; matched: boolean } {
  if (!mayHoldRecitation(tokens, o.englishWords)) return { tokens, unmatchedFrom: 0, matched: false };
  const state = readState(env.state);
  const offset = state.tail.length;
  const keys = [...state.tail.map(cachedWordKey), ...tokenKeys(tokens)];
  const matches = findVerseMatches(keys, o.index!, { minKeyChars: o.minKeyChars, minSimilarity: o.minSimilarity, allowed: o.allowed });
  const r = new Rewriter(env);
  let at = 0;
  let unmatchedFrom = 0;
  let matched = false;
  for (const m of matches) {
    if (m.tokenEnd <= offset) continue; // wholly in the previous segment, already sent
    const confidence = recitationConfidence(m, o.minMargin);
    if (confidence < o.minSimilarity) continue;
    const crossing = m.tokenStart < offset;
    const start = Math.max(m.tokenStart, offset) - offset;
    const end = m.tokenEnd - offset;
    if (start < at) continue;
    const [wordStart, wordEnd] = crossing ? wordsOfPart(keys, offset, m.tokenEnd, m.entry, m.verseStart, m.verseEnd) : [m.wordStart, m.wordEnd];
    matched = true;
    unmatchedFrom = end;
    if (wordEnd <= wordStart) continue;
    const parts = tokens.slice(start, end);
    const cited = citationTokensAt(tokens, end, m.entry);
    const citation = citationText(m.entry, o.citation);
    r.out.push(...tokens.slice(at, start));
    at = end;
    if (isCanonical(parts, m.entry, wordStart, wordEnd) && (citation === "" || cited > 0)) {
      r.out.push(...parts);
      continue;
    }
    const full = wordStart === 0 && wordEnd === m.entry.words.length;
    const text = renderWords(m.entry, wordStart, wordEnd, o.lineSeparator) + (citation !== "" && cited === 0 ? ` ${citation}` : "");
    const applied = r.replace(parts, keepEdges(parts, text), full && !crossing ? "recitation" : "partial_recitation", confidence);
    if (applied && crossing) {
      const earlier = state.tail.slice(m.tokenStart).join(" ");
      env.flag(
        VERSE_SPLIT_FLAG,
        `${citationText(m.entry, "short")} recited across segments: this segment's part was replaced; the previous segment's part ("${earlier}") was already sent as spoken`,
        true,
      );
    }
  }
  r.out.push(...tokens.slice(at));
  return { tokens: r.changed ? r.out : tokens, unmatchedFrom, matched };
}

function run(input: Token[], o: VersesOptions, env: StageEnv): Token[] {
  if (o.index === null || input.length === 0) return input;
  const tokens = o.reference ? references(input, o, env) : input;
  if (!o.recitation) return tokens;
  const result = recitations(tokens, o, env);
  if (env.isFinal) {
    const from = tailStart(tokens, result.unmatchedFrom, o.englishWords);
    env.state = nextState(readState(env.state), tokens.map((t) => t.text), from, result.matched || from > 0);
  }
  return result.tokens;
}

export const versesStage: Stage<VersesOptions> = {
  name: "verses",
  enabledByDefault: false,
  parseOptions: (settings: ResolvedStageSettings, resources: PipelineResources) => parseVersesOptions(settings, resources),
  run,
};
