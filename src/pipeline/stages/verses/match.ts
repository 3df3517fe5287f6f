// Recognising a recited verse in a run of words: n-gram retrieval through the
// index, local alignment to find which words are the recitation, a fit of
// exactly those words against each candidate verse, and the runner-up's fit
// on the same words for the margin. Pure; the stage decides what to do with
// the match (apply, suggest) from its similarity and margin.
import { fitAlign, localAlign } from "./align.js";
import { keyCodes, keyStream } from "./fold.js";
import { GRAM, gramAt, type IndexedVerse, type VerseIndex } from "./verse-index.js";

export interface MatchParams {
  /** Shortest recitation considered, in key characters (a quarter verse, one pāda, is about 16). */
  readonly minKeyChars: number;
  /** Lowest similarity reported at all (below: not a recitation). */
  readonly minSimilarity: number;
  /** Verses allowed to match (the profile's works); null: all. */
  readonly allowed: ((v: IndexedVerse) => boolean) | null;
}

export interface VerseMatch {
  readonly entry: IndexedVerse;
  /** Token range [tokenStart, tokenEnd) of the recitation, in the caller's token indexes. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** 1 − weighted edit cost / recited key length. */
  readonly similarity: number;
  /** Key characters of the recited words. */
  readonly keyLength: number;
  /** Similarity minus the best other verse's similarity on the same words (1 when there is none). */
  readonly margin: number;
  /** Canonical words [wordStart, wordEnd) of the verse the recitation covers. */
  readonly wordStart: number;
  readonly wordEnd: number;
  /** Key range of the verse the recitation covers. */
  readonly verseStart: number;
  readonly verseEnd: number;
}

/** Candidate verses aligned in full per search; the rest of the retrieval list is dropped. */
const MAX_CANDIDATES = 4;
/**
 * Quick rejection of ordinary English: a candidate needs this many n-gram hits
 * within DENSE_WINDOW key characters of the query. A half-verse recited with
 * 10% character noise has 8 or more (dev: 1st percentile); English sentences
 * reach it for about 1 in 100 segments, which then go on to alignment.
 */
const MIN_DENSE_HITS = 6;
const DENSE_WINDOW = 20;
/** At most this many verses are recognised in one run of words (each search re-reads its range: cost bound). */
const MAX_MATCHES = 16;

interface Stream {
  key: string;
  codes: Uint8Array;
  /** Token index (caller's numbering) of each key character. */
  tokenOf: Int32Array;
}

function streamOf(tokenKeys: readonly string[], from: number, to: number): Stream {
  const s = keyStream(tokenKeys.slice(from, to));
  const tokenOf = s.wordOf.map((w) => w + from);
  return { key: s.key, codes: keyCodes(s.key), tokenOf };
}

/** Most of the sorted positions inside any window of `width`. */
function densestRun(positions: readonly number[], width: number): number {
  let best = 0;
  let b = 0;
  for (let a = 0; a < positions.length; a++) {
    while (b < positions.length && positions[b]! < positions[a]! + width) b++;
    if (b - a > best) best = b - a;
  }
  return best;
}

interface Candidate {
  id: number;
  positions: number[];
  dense: number;
}

/**
 * Verses sharing n-grams with the query, with the query positions of their
 * hits: `aligned` pass the density test (most dense first) and are aligned;
 * `rivals` are the most-hit verses of all, against which the winner's margin
 * is measured (so a lone candidate still has a runner-up).
 */
function retrieve(index: VerseIndex, codes: Uint8Array, p: MatchParams): { aligned: Candidate[]; rivals: Candidate[] } {
  // First pass: hit counts per verse, in a typed array (this runs for every
  // segment, so no per-hit allocation).
  const counts = new Int32Array(index.verses.length);
  const touched: number[] = [];
  const lists: Int32Array[] = [];
  const listAt: number[] = [];
  for (let pos = 0; pos + GRAM <= codes.length; pos++) {
    const list = index.postings.get(gramAt(codes, pos));
    if (list === undefined) continue;
    lists.push(list);
    listAt.push(pos);
    for (let k = 0; k < list.length; k++) if (counts[list[k]!]++ === 0) touched.push(list[k]!);
  }
  const enough = touched.filter((id) => counts[id]! >= MIN_DENSE_HITS && (p.allowed === null || p.allowed(index.verses[id]!)));
  if (enough.length === 0) return { aligned: [], rivals: [] };
  // Second pass, only for verses with enough hits: where the hits are.
  const positions = new Map<number, number[]>(enough.map((id) => [id, []]));
  for (let g = 0; g < lists.length; g++) {
    for (const id of lists[g]!) positions.get(id)?.push(listAt[g]!);
  }
  const aligned: Candidate[] = [];
  for (const [id, at] of positions) {
    const dense = densestRun(at, DENSE_WINDOW);
    if (dense >= MIN_DENSE_HITS) aligned.push({ id, positions: at, dense });
  }
  if (aligned.length === 0) return { aligned: [], rivals: [] };
  aligned.sort((a, b) => b.dense - a.dense || b.positions.length - a.positions.length || a.id - b.id);
  const rivals = touched
    .filter((id) => p.allowed === null || p.allowed(index.verses[id]!))
    .sort((a, b) => counts[b]! - counts[a]! || a - b)
    .slice(0, MAX_CANDIDATES + 1)
    .map((id) => ({ id, positions: [], dense: 0 }));
  return { aligned: aligned.slice(0, MAX_CANDIDATES), rivals };
}

/** The query window most dense in a candidate's hits, a little wider than the verse. */
function windowFor(positions: readonly number[], verseLength: number, queryLength: number): [number, number] {
  const width = Math.round(verseLength * 1.5) + 2 * GRAM;
  if (queryLength <= width + 4 * GRAM) return [0, queryLength];
  let bestA = 0;
  let bestCount = 0;
  let b = 0;
  for (let a = 0; a < positions.length; a++) {
    while (b < positions.length && positions[b]! < positions[a]! + width) b++;
    if (b - a > bestCount) {
      bestCount = b - a;
      bestA = a;
    }
  }
  const start = Math.max(0, positions[bestA]! - 2 * GRAM);
  return [start, Math.min(queryLength, start + width + 4 * GRAM)];
}

/** Tokens with at least half their key characters inside [start, end): the recitation's words. */
function snapToTokens(s: Stream, start: number, end: number): [number, number] | null {
  const inside = new Map<number, number>();
  const total = new Map<number, number>();
  for (let k = 0; k < s.key.length; k++) {
    const t = s.tokenOf[k]!;
    total.set(t, (total.get(t) ?? 0) + 1);
    if (k >= start && k < end) inside.set(t, (inside.get(t) ?? 0) + 1);
  }
  let first = -1;
  let last = -1;
  for (const [t, n] of inside) {
    if (2 * n < total.get(t)!) continue;
    if (first === -1 || t < first) first = t;
    if (t > last) last = t;
  }
  return first === -1 ? null : [first, last + 1];
}

/** Key range [start, end) of tokens [tokenStart, tokenEnd) in the stream. */
function charRange(s: Stream, tokenStart: number, tokenEnd: number): [number, number] {
  let start = -1;
  let end = -1;
  for (let k = 0; k < s.key.length; k++) {
    const t = s.tokenOf[k]!;
    if (t >= tokenStart && t < tokenEnd) {
      if (start === -1) start = k;
      end = k + 1;
    }
  }
  return [start, end];
}

/** Canonical words with at least half their key characters inside the verse range. */
export function wordsCovered(entry: IndexedVerse, verseStart: number, verseEnd: number): [number, number] {
  const inside = new Int32Array(entry.words.length);
  for (let k = verseStart; k < verseEnd; k++) inside[entry.wordOf[k]!]!++;
  let first = -1;
  let last = -1;
  for (let w = 0; w < entry.words.length; w++) {
    if (entry.wordKeyLength[w]! === 0 || 2 * inside[w]! < entry.wordKeyLength[w]!) continue;
    if (first === -1) first = w;
    last = w;
  }
  return first === -1 ? [0, 0] : [first, last + 1];
}

export function similarityOf(cost: number, length: number): number {
  return length === 0 ? 0 : Math.max(0, 1 - cost / length);
}

interface Scored {
  id: number;
  tokenStart: number;
  tokenEnd: number;
  charStart: number;
  charEnd: number;
  similarity: number;
  verseStart: number;
  verseEnd: number;
  net: number;
}

function bestIn(tokenKeys: readonly string[], from: number, to: number, index: VerseIndex, p: MatchParams): VerseMatch | null {
  const s = streamOf(tokenKeys, from, to);
  if (s.key.length < p.minKeyChars) return null;
  const { aligned: candidates, rivals } = retrieve(index, s.codes, p);
  if (candidates.length === 0) return null;
  let best: Scored | null = null;
  for (const c of candidates) {
    const entry = index.verses[c.id]!;
    const [wStart, wEnd] = windowFor(c.positions, entry.key.length, s.key.length);
    const local = localAlign(s.codes, entry.codes, wStart, wEnd);
    if (local === null || local.end - local.start < p.minKeyChars / 2) continue;
    const tokens = snapToTokens(s, local.start, local.end);
    if (tokens === null) continue;
    const [charStart, charEnd] = charRange(s, tokens[0], tokens[1]);
    const length = charEnd - charStart;
    if (length < p.minKeyChars) continue;
    const fit = fitAlign(s.codes, charStart, charEnd, entry.codes);
    const similarity = similarityOf(fit.cost, length);
    const net = length * (2 * similarity - 1);
    if (best === null || net > best.net) {
      best = { id: c.id, tokenStart: tokens[0], tokenEnd: tokens[1], charStart, charEnd, similarity, verseStart: fit.verseStart, verseEnd: fit.verseEnd, net };
    }
  }
  if (best === null || best.similarity < p.minSimilarity) return null;
  const entry = index.verses[best.id]!;
  let runnerUp = 0;
  const rivalIds = new Set([...candidates, ...rivals].map((c) => c.id));
  for (const id of rivalIds) {
    if (id === best.id) continue;
    const other = index.verses[id]!;
    const fit = fitAlign(s.codes, best.charStart, best.charEnd, other.codes);
    runnerUp = Math.max(runnerUp, similarityOf(fit.cost, best.charEnd - best.charStart));
  }
  const [wordStart, wordEnd] = wordsCovered(entry, best.verseStart, best.verseEnd);
  if (wordEnd === wordStart) return null;
  return {
    entry,
    tokenStart: best.tokenStart,
    tokenEnd: best.tokenEnd,
    similarity: best.similarity,
    keyLength: best.charEnd - best.charStart,
    margin: rivalIds.size > 1 ? best.similarity - runnerUp : 1,
    wordStart,
    wordEnd,
    verseStart: best.verseStart,
    verseEnd: best.verseEnd,
  };
}

/**
 * Every recitation in tokens [from, to), in token order: the best match, then
 * the words left and right of it searched again (a segment may hold two
 * verses, or a verse between English sentences). Bounded by MAX_MATCHES.
 */
export function findVerseMatches(tokenKeys: readonly string[], index: VerseIndex, p: MatchParams, from = 0, to = tokenKeys.length): VerseMatch[] {
  const found: VerseMatch[] = [];
  const ranges: [number, number][] = [[from, to]];
  while (ranges.length > 0 && found.length < MAX_MATCHES) {
    const [a, b] = ranges.pop()!;
    const m = bestIn(tokenKeys, a, b, index, p);
    if (m === null) continue;
    found.push(m);
    ranges.push([a, m.tokenStart], [m.tokenEnd, b]);
  }
  return found.sort((x, y) => x.tokenStart - y.tokenStart);
}

/**
 * The canonical words that tokens [from, to) cover within the verse range
 * [verseStart, verseEnd) of a match they are part of (the current segment's
 * share of a recitation that began in the previous one).
 */
export function wordsOfPart(tokenKeys: readonly string[], from: number, to: number, entry: IndexedVerse, verseStart: number, verseEnd: number): [number, number] {
  const s = streamOf(tokenKeys, from, to);
  if (s.key.length === 0) return [0, 0];
  const fit = fitAlign(s.codes, 0, s.key.length, entry.codes, verseStart, verseEnd);
  return wordsCovered(entry, fit.verseStart, fit.verseEnd);
}
