// lexicon: domain terms written the way the lexicon packs spell them
// ("bhagwat geeta" -> "Bhagavad Gītā"). Left to right, each position tries the
// spans starting there (one word up to the longest entry + 1) against the
// index: exact known spelling, then phonetic key, then edit distance on the
// phonetic key. The best candidate wins if it clears the guards:
// - ordinary English words (frequency list) and stop words are not taken for
//   terms, unless the profile's english_terms says otherwise, and `protected`
//   entries (English words too: karma, chakra) are applied only when its
//   protected_entries says so;
// - the best candidate must beat the runner-up by `margin`, else the change is
//   only suggested;
// - text already written as a canonical, or with diacritics at all, is left
//   alone (idempotence: the stage's own output never matches again).
// Every edit carries its entry id, score and runner-up in its details.
import { asciiFold } from "../../lexicon/keys.js";
import { lookup, type Candidate, type IndexedEntry, type LexiconIndex, type LookupOptions } from "../../lexicon/matcher.js";
import type { PipelineResources } from "../../resources.js";
import type { ResolvedStageSettings, Stage, StageEnv } from "../../stage.js";
import { mergeTokens, withText, type Token } from "../../tokens.js";
import { coreOf } from "../itn/span.js";
import { endsSentence } from "../../text.js";
import { nextLexiconState, readLexiconState, type LexiconState, type WordInfo } from "./cross.js";
import { parseLexiconOptions, type LexiconOptions } from "./options.js";

export { ENGLISH_TERM_POLICIES, type LexiconOptions } from "./options.js";

export const LEXICON_SPLIT_FLAG = "lexicon_split_across_segments";

/** English words this common (SCOWL level) may not open or close a multi-word fuzzy span ("the", "is"). */
const FUNCTION_WORD_LEVEL = 20;
/** A plural ("asanas") scores a little under its singular. */
const PLURAL_PENALTY = 0.03;
/** Words with letters outside ASCII (IAST, other scripts) or digits ("3rd") are never folded into a term. */
const NOT_FOLDABLE = /[^\x00-\x7f]|\d|['’]/;
const SENTENCE_INNER = /[.!?;:,]/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const EXACT_ONLY = { exact: true, phonetic: false, fuzzy: false } as const;

interface Match {
  end: number;
  cand: Candidate;
  runnerUp: Candidate | undefined;
  plural: boolean;
  /** Why the match may only be suggested ("" when it may be applied). */
  hold: string;
}

interface HeardWord extends WordInfo {
  /** Capitalised where a sentence does not start: a name as the writer or recogniser spelled it. */
  named: boolean;
}

const TITLE_CASE = /^\p{Lu}\p{Ll}/u;
const CAPITAL = /^\p{Lu}/u;

/** An English possessive ("Kṛṣṇa's") is kept outside the term, like punctuation. */
const POSSESSIVE = /['’]s$/;

function wordsOf(tokens: readonly Token[], atSentenceStart: boolean): HeardWord[] {
  const words = tokens.map((t) => {
    let { lead, core, trail } = coreOf(t.text);
    const pos = POSSESSIVE.exec(core);
    if (pos !== null && core.length > pos[0].length) {
      trail = pos[0] + trail;
      core = core.slice(0, -pos[0].length);
    }
    return { lead, core, trail, fold: NOT_FOLDABLE.test(core) ? "" : asciiFold(core), named: false };
  });
  words.forEach((w, i) => {
    const starts = i === 0 ? atSentenceStart : endsSentence(tokens[i - 1]!.text);
    // A sentence that opens with a capitalised word followed by another ("Thomas Hardy", "Judith Chapter 3") opens with a name.
    const next = words[i + 1];
    w.named = TITLE_CASE.test(w.core) && (!starts || (next !== undefined && w.trail === "" && CAPITAL.test(next.core)));
  });
  return words;
}

function capitaliseFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** The entry's canonical in the heard word's capitalisation (a term heard at a sentence start stays capitalised). */
function rendered(e: IndexedEntry, firstCore: string, plural: boolean): string {
  const first = firstCore[0] ?? "";
  const text = e.entry.kind !== "proper_noun" && first !== first.toLowerCase() ? capitaliseFirst(e.entry.canonical) : e.entry.canonical;
  return plural ? `${text}s` : text;
}

class Matcher {
  constructor(
    private readonly o: LexiconOptions,
    private readonly index: LexiconIndex,
  ) {}

  /** The word's SCOWL level when it is ordinary English (at or below the profile's level), else undefined. */
  private commonEnglish(fold: string): number | undefined {
    const level = this.o.englishWords.get(fold);
    return level !== undefined && level <= this.o.englishLevel ? level : undefined;
  }

  /**
   * Why a match on these words must not be applied as is: "" when nothing
   * stands in the way, null when it must not even be suggested. A known
   * spelling is held only on common English words; a match by sound or edit
   * distance on any English word the list knows (a real misspelling of a
   * Sanskrit term is rarely an English word).
   */
  private englishHold(folds: readonly string[], cand: Candidate): string | null {
    const exact = cand.kind === "exact";
    const english = (f: string) => (exact ? this.commonEnglish(f) : this.o.englishWords.get(f)) !== undefined;
    if (folds.length === 1) return english(folds[0]!) ? `"${folds[0]}" is an English word` : "";
    if (exact) return "";
    if (folds.every(english)) return "every word is English";
    const edge = [folds[0]!, folds[folds.length - 1]!].some((f) => (this.commonEnglish(f) ?? 99) <= FUNCTION_WORD_LEVEL);
    return edge ? null : "";
  }

  /** Whether a match by sound or edit distance on these words would be held (see englishHold). */
  private nonExactHeld(folds: readonly string[]): boolean {
    let allEnglish = true;
    for (const f of folds) if (!this.o.englishWords.has(f)) allEnglish = false;
    if (allEnglish) return true;
    const first = this.commonEnglish(folds[0]!);
    const last = this.commonEnglish(folds[folds.length - 1]!);
    return (first !== undefined && first <= FUNCTION_WORD_LEVEL) || (last !== undefined && last <= FUNCTION_WORD_LEVEL);
  }

  /** The best acceptable match for the span words[i..end), or null. */
  /** Whether a candidate may stand for the heard words (kind switched on; names only by known spelling). */
  private allowed(c: Candidate, named: boolean, words: number, termOnly: boolean): boolean {
    if (c.kind === "exact" && !this.o.exact) return false;
    const kind = this.index.entries[c.index]!.entry.kind;
    if (termOnly && kind !== "term") return false;
    if (!named) return true;
    if (kind === "term") return false;
    return c.kind === "exact" || (c.kind === "phonetic" && words > 1);
  }

  private candidates(folded: string, n: number, opts: LookupOptions, named: boolean, termOnly: boolean): Candidate[] {
    const all = lookup(this.index, folded, n, opts);
    const out: Candidate[] = [];
    for (const c of all) if (this.allowed(c, named, n, termOnly)) out.push(c);
    return out;
  }

  /** The best acceptable match for the span words[i..end), or null. */
  private spanMatch(words: readonly HeardWord[], i: number, end: number, tryPlural: boolean): Match | null {
    const folds: string[] = [];
    // A capitalised word inside a sentence is a name someone chose to spell so
    // ("Thomas", "Canada", "Dana"): only a known spelling of a proper noun may
    // change it, and a multi-word title by sound ("Bhagvat Geeta"), never by edit distance.
    let named = false;
    for (let k = i; k < end; k++) {
      const w = words[k]!;
      if (this.o.stopWords.has(w.fold)) return null;
      folds.push(w.fold);
      if (w.named) named = true;
    }
    const folded = folds.join(" ");
    const n = end - i;
    // Matches by sound or spelling on English words would be held (englishHold) and, unless the profile
    // asks for suggestions, dropped: do not look for them (most words of a transcript are English).
    const heldByEnglish = this.o.englishTerms === "keep" && this.nonExactHeld(folds);
    const opts = heldByEnglish || (named && n === 1) ? EXACT_ONLY : this.o;
    let cands = this.candidates(folded, n, opts, named, false);
    let plural = false;
    // An English plural of a term ("asanas"): the singular's match, if it beats the word's own.
    if (tryPlural && n === 1 && folded.length > 4 && folded.endsWith("s") && !folded.endsWith("ss")) {
      const stem = this.candidates(folded.slice(0, -1), 1, opts, named, true);
      if (stem.length > 0 && (cands.length === 0 || stem[0]!.score - PLURAL_PENALTY > cands[0]!.score)) {
        cands = stem.map((c) => ({ ...c, score: c.score - PLURAL_PENALTY }));
        plural = true;
      }
    }
    if (cands.length === 0) return null;
    const best = cands[0]!;
    const e = this.index.entries[best.index]!;
    let hold = this.englishHold(folds, best);
    if (hold === null) return null;
    if (hold !== "" && this.o.englishTerms === "keep") return null;
    if (this.o.englishTerms === "apply") hold = "";
    if (hold === "" && e.entry.protected && this.o.protectedEntries !== "apply") {
      if (this.o.protectedEntries === "keep") return null;
      hold = `entry ${e.entry.id} is protected (an English word too)`;
    }
    const runnerUp = cands.find((c) => this.index.entries[c.index]!.entry.canonical !== e.entry.canonical);
    if (hold === "" && runnerUp !== undefined && best.score - runnerUp.score < this.o.margin) {
      hold = `runner-up ${this.index.entries[runnerUp.index]!.entry.id} within margin ${this.o.margin}`;
    }
    return { end, cand: best, runnerUp, plural, hold };
  }

  /** Whether words[i..end) can be one term: letters in every word, no punctuation inside. */
  private spanOk(words: readonly WordInfo[], i: number, end: number): boolean {
    for (let k = i; k < end; k++) {
      const w = words[k]!;
      if (w.fold === "") return false;
      if (k > i && w.lead !== "") return false;
      if (k < end - 1 && w.trail !== "") return false;
    }
    return true;
  }

  /** Length of a span at i already written as a canonical (0 if none). */
  canonicalAt(words: readonly WordInfo[], i: number): number {
    let text = "";
    let best = 0;
    for (let k = i; k < Math.min(words.length, i + this.index.maxWords); k++) {
      const w = words[k]!;
      if (w.core === "" || (k > i && w.lead !== "")) break;
      text = k === i ? w.core.toLowerCase() : `${text} ${w.core.toLowerCase()}`;
      if (this.index.canonical.has(ASCII_ONLY.test(text) ? text : text.normalize("NFC"))) best = k - i + 1;
      if (w.trail !== "") break;
    }
    return best;
  }

  /**
   * The best match starting at i: the longest span with a match that may be
   * applied ("ashtanga ioga" as one term, not "ashtanga" alone), else the
   * highest-scoring suggestion.
   */
  bestAt(words: readonly HeardWord[], i: number): Match | null {
    let best: Match | null = null;
    const longest = Math.min(words.length, i + this.index.maxWords + 1);
    for (let end = longest; end > i; end--) {
      if (!this.spanOk(words, i, end)) continue;
      const m = this.spanMatch(words, i, end, true);
      if (m === null) continue;
      if (m.hold === "" && m.cand.score >= this.o.applyThreshold) return m;
      if (best === null || m.cand.score > best.cand.score + 1e-9) best = m;
    }
    return best;
  }

  /** A term begun in the previous segment's tail and ended by words[0..m). */
  crossAt(tail: LexiconState["tail"], words: readonly HeardWord[]): { k: number; m: Match } | null {
    for (let k = tail.length; k > 0; k--) {
      for (let m = Math.min(words.length, this.index.maxWords + 1 - k); m > 0; m--) {
        if (!this.spanOk(words, 0, m)) continue;
        const joined: HeardWord[] = [...tail.slice(-k).map((t) => ({ lead: "", core: t.core, trail: "", fold: t.fold, named: false })), ...words.slice(0, m)];
        const match = this.spanMatch(joined, 0, k + m, false);
        if (match === null || match.cand.kind === "fuzzy") continue;
        const canonicalWords = this.index.entries[match.cand.index]!.entry.canonical.split(" ");
        if (canonicalWords.length !== k + m) continue;
        return { k, m: { ...match, end: m } };
      }
    }
    return null;
  }
}

/** The edit's details: which entry matched, how (kind, score), the runner-up and why a match was held back. */
function matchDetails(index: LexiconIndex, m: Match): Record<string, string> {
  const e = index.entries[m.cand.index]!;
  const details: Record<string, string> = { entry: `${e.packId}/${e.entry.id}`, match: m.cand.kind, score: m.cand.score.toFixed(3) };
  if (m.runnerUp !== undefined) {
    const r = index.entries[m.runnerUp.index]!;
    details["runner_up"] = `${r.packId}/${r.entry.id}`;
    details["runner_up_score"] = m.runnerUp.score.toFixed(3);
  }
  if (m.hold !== "") details["held"] = m.hold;
  return details;
}

/** Confidence of a held match: just under the apply threshold, so it is suggested and flagged. */
function confidenceOf(o: LexiconOptions, m: Match): number {
  const score = Math.round(m.cand.score * 1000) / 1000;
  return m.hold === "" ? score : Math.min(score, Math.max(0, o.applyThreshold - 0.001));
}

function run(tokens: Token[], o: LexiconOptions, env: StageEnv): Token[] {
  const index = o.index;
  if (index === undefined || tokens.length === 0) return tokens;
  const words = wordsOf(tokens, env.atSentenceStart);
  const matcher = new Matcher(o, index);
  const state = readLexiconState(env.state);
  const out: Token[] = [];
  let changed = false;
  /** Words before this were matched (as a term or an already written canonical): no tail for the next segment. */
  let settled = 0;
  let i = 0;

  if (o.crossSegment && state.tail.length > 0 && matcher.canonicalAt(words, 0) === 0) {
    const cross = matcher.crossAt(state.tail, words);
    if (cross !== null) {
      const { k, m } = cross;
      const e = index.entries[m.cand.index]!;
      const canonicalWords = rendered(e, state.tail[state.tail.length - k]!.core, false).split(" ");
      const current = tokens.slice(0, m.end);
      const before = current.map((t) => t.text).join(" ");
      const afterWords = canonicalWords.slice(k).map((w, j) => words[j]!.lead + w + words[j]!.trail);
      const sent = state.tail.slice(-k).map((t) => t.core).join(" ");
      if (afterWords.join(" ") !== before) {
        const source = { start: current[0]!.source.start, end: current[current.length - 1]!.source.end };
        const details = matchDetails(index, m);
        const applied = env.propose({ rule: m.cand.kind, before, after: afterWords.join(" "), source, confidence: confidenceOf(o, m), details });
        if (applied) {
          current.forEach((t, j) => out.push(withText(t, afterWords[j]!)));
          changed = true;
          i = settled = m.end;
        }
        env.flag(
          LEXICON_SPLIT_FLAG,
          `"${e.entry.canonical}" spoken across segments: only this segment's part was ${applied ? "rewritten" : "suggested"}; the previous segment's part ("${sent}" for "${canonicalWords.slice(0, k).join(" ")}") was already sent`,
          true,
        );
      } else {
        for (const t of current) out.push(t);
        i = settled = m.end;
      }
    }
  }

  while (i < tokens.length) {
    // Text already written as a canonical stays, unless a longer term starts with it ("yoga" in "yoga sutras").
    const done = matcher.canonicalAt(words, i);
    let m = words[i]!.fold === "" ? null : matcher.bestAt(words, i);
    if (m !== null && m.end - i <= done) m = null;
    if (m === null && done > 0) {
      for (let k = i; k < i + done; k++) out.push(tokens[k]!);
      i = settled = i + done;
      continue;
    }
    if (m === null) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    const span = tokens.slice(i, m.end);
    const e = index.entries[m.cand.index]!;
    const text = rendered(e, words[i]!.core, m.plural);
    const canonicalWords = text.split(" ");
    const last = m.end - 1;
    const before = span.map((t) => t.text).join(" ");
    const perWord = canonicalWords.length === span.length;
    const contiguous = span.every((t, j) => j === 0 || t.source.start === span[j - 1]!.source.end);
    const after = words[i]!.lead + text + words[last]!.trail;
    if (after === before || (!perWord && !contiguous) || SENTENCE_INNER.test(before.slice(0, before.length - words[last]!.trail.length).slice(words[i]!.lead.length))) {
      for (const t of span) out.push(t);
      i = settled = m.end;
      continue;
    }
    const source = { start: span[0]!.source.start, end: span[span.length - 1]!.source.end };
    if (env.propose({ rule: m.cand.kind, before, after, source, confidence: confidenceOf(o, m), details: matchDetails(index, m) })) {
      changed = true;
      if (perWord) {
        span.forEach((t, j) => out.push(withText(t, (j === 0 ? words[i]!.lead : "") + canonicalWords[j]! + (j === span.length - 1 ? words[last]!.trail : ""))));
      } else {
        out.push(mergeTokens(span, after));
      }
    } else {
      for (const t of span) out.push(t);
    }
    i = settled = m.end;
  }

  if (env.isFinal && o.crossSegment) {
    env.state = settled === 0 ? nextLexiconState(state, words, index.maxWords) : nextLexiconState(readLexiconState(undefined), words.slice(settled), index.maxWords);
  }
  return changed ? out : tokens;
}

export const lexiconStage: Stage<LexiconOptions> = {
  name: "lexicon",
  enabledByDefault: false,
  parseOptions: (settings: ResolvedStageSettings, resources: PipelineResources) => parseLexiconOptions(settings, resources),
  run,
};
