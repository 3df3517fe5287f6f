// The lexicon index and lookup. Built once per set of packs; every lookup is a
// handful of hash-map probes (exact fold, phonetic key, one-deletion
// neighbourhood of the phonetic key), so the cost per word does not grow with
// the number of entries. Candidates are scored by how close the heard spelling
// is to the entry's nearest known spelling.
import type { LexiconEntry, LexiconPack } from "./types.js";
import { asciiFold, boundedLevenshtein, phoneticKey } from "./keys.js";
import { DeletionIndex } from "./neighbours.js";

export type MatchKind = "exact" | "phonetic" | "fuzzy";

export interface IndexedEntry {
  readonly entry: LexiconEntry;
  readonly packId: string;
  /** ASCII folds of the canonical and every variant, without spaces (for similarity). */
  readonly forms: readonly string[];
  /** Fewest and most words among the canonical and its variants. */
  readonly minWords: number;
  readonly maxWords: number;
  /** The canonical, NFC lower-case: a span equal to it is already written right. */
  readonly canonicalLower: string;
}

export interface Candidate {
  readonly index: number;
  readonly kind: MatchKind;
  readonly score: number;
}

/** One id or several, so the common case (one entry per key) allocates no array. */
type Posting = number | number[];

export interface LexiconIndex {
  readonly entries: readonly IndexedEntry[];
  /** Canonical, NFC lower-case -> entries: spans already written as the canonical. */
  readonly canonical: ReadonlyMap<string, Posting>;
  /** ASCII fold (words joined by one space) -> entries. */
  readonly exact: ReadonlyMap<string, Posting>;
  /** Phonetic key -> entries. */
  readonly phonetic: ReadonlyMap<string, Posting>;
  /** Phonetic keys by one-deletion neighbourhood (fuzzy matching). */
  readonly phoneticNear: DeletionIndex;
  /** ASCII fold without spaces -> entries, and its one-deletion neighbourhood (edits the phonetic folds hide). */
  readonly spelling: ReadonlyMap<string, Posting>;
  readonly spellingNear: DeletionIndex;
  /** Longest canonical or variant, in words (bounds the spans the stage tries). */
  readonly maxWords: number;
  readonly packIds: readonly string[];
}

/** Phonetic keys shorter than this get no fuzzy neighbourhood: too many short words are one edit apart. */
export const MIN_FUZZY_KEY = 5;

/** Spellings (ASCII folds) shorter than this get no fuzzy neighbourhood. */
export const MIN_SPELLING_FUZZY = 6;

/** Most edits allowed between spellings of this length. */
export function maxSpellingDistance(length: number): number {
  if (length < MIN_SPELLING_FUZZY) return 0;
  return length < 9 ? 1 : 2;
}

/** Most edits allowed between phonetic keys of this length. */
export function maxFuzzyDistance(keyLength: number): number {
  if (keyLength < MIN_FUZZY_KEY) return 0;
  return keyLength < 8 ? 1 : 2;
}

function add<K>(map: Map<K, Posting>, key: K, id: number): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === "number") {
    if (cur !== id) map.set(key, [cur, id]);
  } else if (cur[cur.length - 1] !== id) cur.push(id);
}


const wordCount = (folded: string) => (folded === "" ? 0 : folded.split(" ").length);

/** Builds the index over the given packs' entries (in pack order). */
export function buildLexiconIndex(packs: readonly LexiconPack[]): LexiconIndex {
  const entries: IndexedEntry[] = [];
  const canonical = new Map<string, Posting>();
  const exact = new Map<string, Posting>();
  const phonetic = new Map<string, Posting>();
  const phoneticNear = new DeletionIndex(MIN_FUZZY_KEY);
  const spelling = new Map<string, Posting>();
  const spellingNear = new DeletionIndex(MIN_SPELLING_FUZZY);
  let maxWords = 1;
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const id = entries.length;
      const folds = new Set<string>([asciiFold(entry.canonical)]);
      for (const v of entry.variants) folds.add(asciiFold(v));
      folds.delete("");
      if (folds.size === 0) continue;
      let minW = Infinity;
      let maxW = 0;
      const forms: string[] = [];
      const keys = new Set<string>();
      for (const f of folds) {
        const w = wordCount(f);
        minW = Math.min(minW, w);
        maxW = Math.max(maxW, w);
        forms.push(f.replaceAll(" ", ""));
        add(exact, f, id);
        keys.add(phoneticKey(f));
      }
      for (const f of new Set(forms)) {
        add(spelling, f, id);
        spellingNear.add(f);
      }
      for (const k of keys) {
        add(phonetic, k, id);
        phoneticNear.add(k);
      }
      maxWords = Math.max(maxWords, maxW);
      const canonicalLower = entry.canonical.normalize("NFC").toLowerCase();
      add(canonical, canonicalLower, id);
      entries.push({ entry, packId: pack.id, forms, minWords: minW, maxWords: maxW, canonicalLower });
    }
  }
  phoneticNear.seal();
  spellingNear.seal();
  return { entries, canonical, exact, phonetic, phoneticNear, spelling, spellingNear, maxWords, packIds: packs.map((p) => p.id) };
}

/** 1 for identical spellings, falling towards 0 with the edit distance to the entry's nearest form. */
function similarity(heard: string, e: IndexedEntry): number {
  let best = 0;
  for (const form of e.forms) {
    const max = Math.max(heard.length, form.length);
    const d = boundedLevenshtein(heard, form, max);
    const s = 1 - d / max;
    if (s > best) best = s;
  }
  return best;
}

// Score bands: an exact known spelling is near-certain; a phonetic-key match
// is strong evidence, graded by how close the spelling is to the entry's
// nearest form; a fuzzy match is weaker still and pays per edit. Short keys
// carry little evidence ("git" and "Gītā" share a key), so they need the
// spelling itself to be close.
const EXACT_SCORE = 0.97;
const PHONETIC_BASE = 0.7;
const PHONETIC_SPAN = 0.27;
const SHORT_KEY = 4;
const SHORT_KEY_MIN_SIMILARITY = 0.8;
const FUZZY_BASE = 0.6;
const FUZZY_SPAN = 0.35;
const FUZZY_PER_EDIT = 0.03;
const FUZZY_MIN_SIMILARITY = 0.6;

export interface LookupOptions {
  /** Listed spellings (default on). */
  exact?: boolean;
  phonetic: boolean;
  fuzzy: boolean;
}

/** Spans of more words than this are matched by listed spelling and phonetic key only (edit distance on long spans is costly and loose). */
export const MAX_FUZZY_WORDS = 3;

/** One lookup's working state (a class rather than closures: this is the hot path). */
class Probe {
  readonly found = new Map<number, Candidate>();
  constructor(
    private readonly index: LexiconIndex,
    private readonly words: number,
    private readonly heard: string,
  ) {}

  fits(id: number): boolean {
    const e = this.index.entries[id]!;
    return this.words >= e.minWords - 1 && this.words <= e.maxWords + 1;
  }

  offer(index: number, kind: MatchKind, score: number): void {
    const prev = this.found.get(index);
    if (prev === undefined || score > prev.score) this.found.set(index, { index, kind, score });
  }

  exact(folded: string): void {
    const p = this.index.exact.get(folded);
    if (p === undefined) return;
    for (const id of typeof p === "number" ? [p] : p) {
      const e = this.index.entries[id]!;
      if (e.minWords <= this.words && this.words <= e.maxWords) this.offer(id, "exact", EXACT_SCORE);
    }
  }

  phonetic(key: string): void {
    const p = this.index.phonetic.get(key);
    if (p === undefined) return;
    for (const id of typeof p === "number" ? [p] : p) {
      if (this.found.has(id) || !this.fits(id)) continue;
      const sim = similarity(this.heard, this.index.entries[id]!);
      if (key.length < SHORT_KEY && sim < SHORT_KEY_MIN_SIMILARITY) continue;
      this.offer(id, "phonetic", PHONETIC_BASE + PHONETIC_SPAN * sim);
    }
  }

  /** Entries whose key (in `keys`, neighbourhoods in `near`) is within `maxD` edits of `key`, each verified by edit distance. */
  fuzzy(keys: ReadonlyMap<string, Posting>, near: DeletionIndex, key: string, maxD: number): void {
    if (maxD <= 0) return;
    for (const k of near.near(key, [])) this.tryKey(keys, key, k, maxD);
  }

  private tryKey(keys: ReadonlyMap<string, Posting>, key: string, k: string, maxD: number): void {
    // A different first sound is a different word far more often than a mishearing ("Martha" / "Pārtha").
    if (k === key || k.charCodeAt(0) !== key.charCodeAt(0)) return;
    const d = boundedLevenshtein(key, k, maxD);
    if (d > maxD) return;
    const p = keys.get(k)!;
    for (const id of typeof p === "number" ? [p] : p) {
      if (!this.fits(id)) continue;
      const sim = similarity(this.heard, this.index.entries[id]!);
      if (sim >= FUZZY_MIN_SIMILARITY) this.offer(id, "fuzzy", FUZZY_BASE + FUZZY_SPAN * sim - FUZZY_PER_EDIT * d);
    }
  }
}

/**
 * Candidates for a span of `words` heard words whose ASCII fold is `folded`,
 * best first (at most one per entry). Entries whose spellings never have that
 * many words (±1, for compounds written split or joined) are skipped. `key`
 * is phoneticKey(folded), when the caller has it already.
 */
export function lookup(index: LexiconIndex, folded: string, words: number, options: LookupOptions, key?: string): Candidate[] {
  const heard = folded.replaceAll(" ", "");
  const probe = new Probe(index, words, heard);
  if (options.exact !== false) probe.exact(folded);
  if (options.phonetic || options.fuzzy) {
    const k = key ?? phoneticKey(folded);
    if (options.phonetic) probe.phonetic(k);
    if (options.fuzzy && words <= MAX_FUZZY_WORDS) {
      probe.fuzzy(index.phonetic, index.phoneticNear, k, maxFuzzyDistance(k.length));
      probe.fuzzy(index.spelling, index.spellingNear, heard, maxSpellingDistance(heard.length));
    }
  }
  if (probe.found.size === 0) return [];
  return [...probe.found.values()].sort((a, b) => b.score - a.score || a.index - b.index);
}
