// lexicon: domain terms written the way the lexicon packs spell them
// ("bhagwat geeta" -> "Bhagavad Gītā"). Left to right, each position tries the
// spans starting there (one word up to the longest entry + 1) against the
// index (spans.ts): exact known spelling, then phonetic key, then a near key
// (weighted by how alike the sounds are) or a near spelling. The best
// candidate wins if it clears the guards:
// - ordinary English words (frequency list) and stop words are not taken for
//   terms, unless the profile's english_terms says otherwise, and `protected`
//   entries (English words too: karma, chakra) are applied only when its
//   protected_entries says so;
// - a capitalised word inside a sentence is a name: it changes by a listed
//   spelling, an equal key, or a near key one cheap confusion away, and not
//   at all when English capitalises it anyway (the casing stage's names);
// - the best candidate must beat the runner-up of the same strength (listed
//   spelling, equal key, near) by `margin`, else the change is only suggested;
// - a listed spelling that English also uses for a name ("Shiva") waits for
//   domain evidence in the stream (evidence.ts), else it is suggested;
// - text already written as a canonical, or with diacritics at all, is left
//   alone (idempotence: the stage's own output never matches again).
// The whole segment is matched before anything is proposed, so evidence later
// in it counts. Every edit carries its entry id, score and runner-up in its details.
import type { IndexedEntry, LexiconIndex } from "../../lexicon/lexicon-index.js";
import type { PipelineResources } from "../../resources.js";
import type { ResolvedStageSettings, Stage, StageEnv } from "../../stage.js";
import { mergeTokens, withText, type Token } from "../../tokens.js";
import { nextLexiconState, readLexiconState, type LexiconState } from "./cross.js";
import { holdWithoutEvidence, showsDomain } from "./evidence.js";
import { parseLexiconOptions, type LexiconOptions } from "./options.js";
import { Matcher, wordsOf, type Match } from "./spans.js";

export { ENGLISH_TERM_POLICIES, type LexiconOptions } from "./options.js";

export const LEXICON_SPLIT_FLAG = "lexicon_split_across_segments";

const SENTENCE_INNER = /[.!?;:,]/;

function capitaliseFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** The entry's canonical in the heard word's capitalisation (a term heard at a sentence start stays capitalised). */
function rendered(e: IndexedEntry, firstCore: string, plural: boolean): string {
  const first = firstCore[0] ?? "";
  const text = e.entry.kind !== "proper_noun" && first !== first.toLowerCase() ? capitaliseFirst(e.entry.canonical) : e.entry.canonical;
  return plural ? `${text}s` : text;
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

/** One step of the left-to-right pass: words [start, end) left as they are (match null) or matched. */
interface Step {
  start: number;
  end: number;
  match: Match | null;
  /** Whether the step settles its words (a match, or text already written as a canonical): no tail for the next segment. */
  settles: boolean;
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

  const cross = o.crossSegment && state.tail.length > 0 && matcher.canonicalAt(words, 0) === 0 ? matcher.crossAt(state.tail, words) : null;
  if (cross !== null) {
    const { k } = cross;
    // Proposed before the rest of the segment is matched (a suggested one leaves its words to that pass): only the stream's evidence counts.
    const m = holdWithoutEvidence(o, index, cross.m, state.evidence > 0);
    const e = index.entries[m.cand.index]!;
    const canonicalWords = rendered(e, state.tail[state.tail.length - k]!.core, false).split(" ");
    const current = tokens.slice(0, m.end);
    const before = current.map((t) => t.text).join(" ");
    const afterWords = canonicalWords.slice(k).map((w, n) => words[n]!.lead + w + words[n]!.trail);
    const sent = state.tail.slice(-k).map((t) => t.core).join(" ");
    if (afterWords.join(" ") !== before) {
      const source = { start: current[0]!.source.start, end: current[current.length - 1]!.source.end };
      const details = matchDetails(index, m);
      const applied = env.propose({ rule: m.cand.kind, before, after: afterWords.join(" "), source, confidence: confidenceOf(o, m), details });
      if (applied) {
        current.forEach((t, n) => out.push(withText(t, afterWords[n]!)));
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

  // The rest of the segment is matched before anything is proposed, so evidence later in it counts for a name earlier in it.
  const steps: Step[] = [];
  for (let j = i; j < tokens.length; ) {
    // Text already written as a canonical stays, unless a longer term starts with it ("yoga" in "yoga sutras").
    const done = matcher.canonicalAt(words, j);
    let m = words[j]!.fold === "" ? null : matcher.bestAt(words, j);
    if (m !== null && m.end - j <= done) m = null;
    const end = m !== null ? m.end : j + Math.max(done, 1);
    steps.push({ start: j, end, match: m, settles: m !== null || done > 0 });
    j = end;
  }
  const found = [...(cross === null ? [] : [cross.m]), ...steps.flatMap((st) => (st.match === null ? [] : [st.match]))];
  const inDomain = found.some((m) => showsDomain(o, index, m));
  const evidence = state.evidence > 0 || inDomain;

  for (const step of steps) {
    if (step.match === null) {
      for (let n = step.start; n < step.end; n++) out.push(tokens[n]!);
      if (step.settles) settled = step.end;
      continue;
    }
    const m = holdWithoutEvidence(o, index, step.match, evidence);
    i = step.start;
    const span = tokens.slice(i, m.end);
    const e = index.entries[m.cand.index]!;
    const text = rendered(e, words[i]!.core, m.plural);
    const canonicalWords = text.split(" ");
    const last = m.end - 1;
    const before = span.map((t) => t.text).join(" ");
    const perWord = canonicalWords.length === span.length;
    const contiguous = span.every((t, n) => n === 0 || t.source.start === span[n - 1]!.source.end);
    const after = words[i]!.lead + text + words[last]!.trail;
    if (after === before || (!perWord && !contiguous) || SENTENCE_INNER.test(before.slice(0, before.length - words[last]!.trail.length).slice(words[i]!.lead.length))) {
      for (const t of span) out.push(t);
      settled = m.end;
      continue;
    }
    const source = { start: span[0]!.source.start, end: span[span.length - 1]!.source.end };
    if (env.propose({ rule: m.cand.kind, before, after, source, confidence: confidenceOf(o, m), details: matchDetails(index, m) })) {
      changed = true;
      if (perWord) {
        span.forEach((t, n) => out.push(withText(t, (n === 0 ? words[i]!.lead : "") + canonicalWords[n]! + (n === span.length - 1 ? words[last]!.trail : ""))));
      } else {
        out.push(mergeTokens(span, after));
      }
    } else {
      for (const t of span) out.push(t);
    }
    settled = m.end;
  }

  if (env.isFinal) {
    // Evidence lasts evidenceSegments final segments from the last one that showed it.
    const carried: LexiconState = { ...state, evidence: inDomain ? o.evidenceSegments : Math.max(0, state.evidence - 1) };
    const fresh: LexiconState = { ...readLexiconState(undefined), evidence: carried.evidence };
    if (!o.crossSegment) env.state = fresh;
    else env.state = settled === 0 ? nextLexiconState(carried, words, index.maxWords) : nextLexiconState(fresh, words.slice(settled), index.maxWords);
  }
  return changed ? out : tokens;
}

export const lexiconStage: Stage<LexiconOptions> = {
  name: "lexicon",
  enabledByDefault: false,
  parseOptions: (settings: ResolvedStageSettings, resources: PipelineResources) => parseLexiconOptions(settings, resources),
  run,
};
