// Lexicon lookup over the index (lexicon-index.ts). Every lookup is a handful
// of hash-map probes (exact fold, phonetic key, final-vowel stem, the
// one-deletion neighbourhoods of the coarse key and of the spelling), each
// bounded (crowded keys and buckets are skipped), so the work per word does
// not grow with the number of entries (its cache misses do: lexicon-index.ts).
// Candidates are scored by how near they sound (a weighted edit distance
// between phonetic keys, distance.ts) or how close the heard spelling is to
// the entry's nearest known spelling.
import { coarseKey, weightedDistance } from "./distance.js";
import { boundedLevenshtein, phoneticKey } from "./keys.js";
import { MIN_FUZZY_KEY, MIN_SPELLING_FUZZY, type IndexedEntry, type LexiconIndex } from "./lexicon-index.js";
import { MAX_BUCKET } from "./neighbours.js";
import type { Posting } from "./postings.js";

export type MatchKind = "exact" | "phonetic" | "fuzzy";

export interface Candidate {
  readonly index: number;
  readonly kind: MatchKind;
  readonly score: number;
  /** For a match by sound: the weighted distance (distance.ts) between the phonetic keys (0 for an equal key). */
  readonly soundDistance?: number;
}

const VOWEL_IN_KEY = /[aeiouy]/;
/** The weighted distance (distance.ts) of a vowel left out. */
const VOWEL_DROPPED = 0.65;
/** Most edits allowed between spellings of this length (one letter shorter than MIN_SPELLING_FUZZY: see spelling()). */
export function maxSpellingDistance(length: number): number {
  if (length < MIN_SPELLING_FUZZY - 1) return 0;
  return length < 9 ? 1 : 2;
}

/**
 * Most weighted distance (distance.ts) allowed between phonetic keys of this
 * length: a short key may differ only by a cheap confusion (one class
 * substitution at 3 letters; a vowel or an h, or two class substitutions, at
 * 4–5), a longer one by one edit, a long one by two.
 */
export function maxFuzzyDistance(keyLength: number, vowelless = false): number {
  if (keyLength < 3) return 0;
  // No English word sounds without a vowel ("skt", "vsv" are "Śākta", "viśva" with one left out): one may come back.
  if (keyLength === 3) return vowelless ? 0.65 : 0.35;
  if (keyLength <= 5) return 0.65;
  return keyLength < 8 ? 1 : 2;
}

/**
 * A key shared by more entries than a deletion-index bucket holds: in a huge
 * lexicon of short names, so many entries sound alike that none could beat
 * its runner-up by a margin, and verifying them all would make a probe's cost
 * grow with the lexicon. Such a key is matched by listed spelling only.
 */
function crowded(p: Posting): boolean {
  return typeof p !== "number" && p.length > MAX_BUCKET;
}

/** How close a heard span (its ASCII fold) is spelled to the entry's nearest form: 1 for identical, towards 0 with each edit. */
export function spellingSimilarity(index: LexiconIndex, folded: string, entry: number): number {
  return similarity(folded.replaceAll(" ", ""), index.entries[entry]!);
}

/** similarity(heard, e) >= FUZZY_MIN_SIMILARITY, with each form's edit distance cut off at the most that allows (near matches are verified by the dozen in a big lexicon). */
function similarEnough(heard: string, e: IndexedEntry): boolean {
  for (const form of e.forms) {
    const max = Math.max(heard.length, form.length);
    const allowed = Math.floor((1 - FUZZY_MIN_SIMILARITY) * max + 1e-9);
    if (boundedLevenshtein(heard, form, allowed) <= allowed) return true;
  }
  return false;
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
// nearest form; a fuzzy match (a near key, or a near spelling) is weaker
// still and pays per edit, both absolutely and relative to the length (short
// words counted as SOUND_MIN_LENGTH, so one edit in a short word is not a
// small fraction). Short keys carry little evidence ("git" and "Gītā" share
// a key: English words are the stage's guard), so they need the spelling
// itself to be close (closeForShortKey).
const EXACT_SCORE = 0.97;
const PHONETIC_BASE = 0.8;
const PHONETIC_SPAN = 0.17;
const SHORT_KEY = 4;
const SHORT_KEY_MIN_SIMILARITY = 0.8;
/** One letter off a four-letter spelling. */
const ONE_OFF_FOUR = 0.75;
const FUZZY_MIN_SIMILARITY = 0.6;
const SOUND_BASE = 0.96;
const SOUND_PER_EDIT = 0.05;
const SOUND_PER_EDIT_RATIO = 0.6;
const SOUND_MIN_LENGTH = 6;

/** The score of a match `d` (weighted) edits from a key or spelling of `length` letters. */
function nearScore(d: number, length: number): number {
  return SOUND_BASE - SOUND_PER_EDIT * d - SOUND_PER_EDIT_RATIO * (d / Math.max(length, SOUND_MIN_LENGTH));
}

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
  /** The entries with the heard phonetic key (the phonetic probe's to judge, not the sound probes'). */
  private equalKey: Posting | undefined;
  private equalKeyProbed = false;
  constructor(
    private readonly index: LexiconIndex,
    private readonly words: number,
    private readonly heard: string,
  ) {}

  fits(id: number): boolean {
    const e = this.index.entries[id]!;
    return this.words >= e.minWords - 1 && this.words <= e.maxWords + 1;
  }

  /** Keeps the entry's best score, and the nearest sound distance any probe found (the stage's test for names needs it). */
  offer(index: number, kind: MatchKind, score: number, soundDistance?: number): void {
    const prev = this.found.get(index);
    const better = prev === undefined || score > prev.score;
    const was = prev?.soundDistance;
    const nearest = was === undefined || (soundDistance !== undefined && soundDistance < was) ? soundDistance : was;
    const best = better ? { index, kind, score } : { index, kind: prev.kind, score: prev.score };
    this.found.set(index, nearest === undefined ? best : { ...best, soundDistance: nearest });
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
    this.equalKey = p;
    this.equalKeyProbed = true;
    if (p === undefined || crowded(p)) return;
    for (const id of typeof p === "number" ? [p] : p) {
      if (this.found.has(id) || !this.fits(id)) continue;
      const sim = similarity(this.heard, this.index.entries[id]!);
      if (key.length < SHORT_KEY && !this.closeForShortKey(sim, id)) continue;
      this.offer(id, "phonetic", PHONETIC_BASE + PHONETIC_SPAN * sim, 0);
    }
  }

  /**
   * A short key is weak evidence, so the heard spelling must be close to the
   * entry's: one letter off a form of four or more ("gunn" / guṇa), or a
   * three-letter word that is a form without its final a ("kal" / kāla),
   * unless another entry has that form with a final i or u ("dev": deva or
   * devī, "nad": nāda or nāḍī).
   */
  private closeForShortKey(sim: number, id: number): boolean {
    if (sim >= SHORT_KEY_MIN_SIMILARITY) return true;
    const heard = this.heard;
    if (sim < ONE_OFF_FOUR) return false;
    if (heard.length > 3) return true;
    if (!this.index.entries[id]!.forms.includes(`${heard}a`)) return false;
    return this.index.exact.get(`${heard}i`) === undefined && this.index.exact.get(`${heard}u`) === undefined;
  }

  /**
   * Entries whose phonetic key sounds within `maxD` (weighted distance) of
   * `key`: retrieved by an equal coarse key or one in its one-deletion
   * neighbourhood, each verified against the entry's own phonetic keys.
   */
  sounds(key: string, maxD: number): void {
    if (maxD <= 0) return;
    if (!this.equalKeyProbed) this.equalKey = this.index.phonetic.get(key);
    const coarse = coarseKey(key);
    this.soundsOf(key, maxD, this.index.coarse.get(coarse));
    // A key with no vowel is a word with one left out ("vshwa"): worth a neighbourhood even when short.
    if (coarse.length < MIN_FUZZY_KEY && VOWEL_IN_KEY.test(key)) return;
    const near = this.index.coarseNear;
    // Neighbours share the first sound (neighbours.ts: "Martha" is not "Pārtha").
    for (const nearId of near.nearIds(coarse, [])) this.soundsOf(key, maxD, this.index.coarseByNearId[nearId]);
  }

  /**
   * sounds() for the phonetic keys filed under one coarse key: each key is
   * verified once, and its entries offered at its distance (an entry with
   * several keys keeps the nearest).
   */
  private soundsOf(key: string, maxD: number, p: Posting | undefined): void {
    if (p === undefined || crowded(p)) return;
    for (const kid of typeof p === "number" ? [p] : p) {
      const k = this.index.soundKeys[kid]!;
      if (k === key) continue;
      const d = weightedDistance(key, k, maxD);
      if (d > maxD) continue;
      const ids = this.index.soundKeyEntries[kid]!;
      for (const id of typeof ids === "number" ? [ids] : ids) {
        const prev = this.found.get(id);
        if ((prev !== undefined && prev.kind !== "fuzzy") || !this.fits(id) || this.hasEqualKey(id)) continue;
        if (!similarEnough(this.heard, this.index.entries[id]!)) continue;
        this.offer(id, "fuzzy", nearScore(d, key.length), d);
      }
    }
  }

  private hasEqualKey(id: number): boolean {
    const p = this.equalKey;
    return p !== undefined && (typeof p === "number" ? p === id : p.includes(id));
  }

  /**
   * A final vowel left out ("gur" / guru, "jala net" / jala neti): too short a
   * key for the sound probes to add a vowel, but a listed spelling with it is
   * evidence (the index files only stems one vowel completes: "nad" is nāda
   * or nāḍī).
   */
  finalVowel(folded: string): void {
    const found = this.index.stems.get(folded);
    if (found === undefined) return;
    for (const id of typeof found === "number" ? [found] : found) {
      if (!this.found.has(id) && this.fits(id)) this.offer(id, "fuzzy", nearScore(VOWEL_DROPPED, this.heard.length), VOWEL_DROPPED);
    }
  }

  /** Entries whose spelling (ASCII fold without spaces) is within `maxD` edits of the heard one, found through its one-deletion neighbourhood. */
  spelling(maxD: number): void {
    if (maxD <= 0) return;
    const heard = this.heard;
    const near = this.index.spellingNear;
    // A heard spelling shorter than any filed one can only have lost a letter ("yanta", "banha"): a
    // letter changed in a word that short is as likely another word ("nigra" / nidrā, "sadda" / śabda).
    const droppedOnly = heard.length < MIN_SPELLING_FUZZY;
    for (const nearId of near.nearIds(heard, [])) {
      if (droppedOnly && near.keyOf(nearId).length !== heard.length + 1) continue;
      const d = boundedLevenshtein(heard, near.keyOf(nearId), maxD);
      if (d > maxD) continue;
      const p = this.index.spellingByNearId[nearId]!;
      for (const id of typeof p === "number" ? [p] : p) {
        if (!this.fits(id)) continue;
        if (similarEnough(heard, this.index.entries[id]!)) this.offer(id, "fuzzy", nearScore(d, heard.length));
      }
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
  const listed = probe.found.size > 0;
  if (options.phonetic || options.fuzzy) {
    const k = key ?? phoneticKey(folded);
    if (options.phonetic) probe.phonetic(k);
    // A near key or spelling scores below a listed spelling and cannot put it in doubt (the stage weighs
    // the margin against rivals of the same strength): once a listed spelling is found they are not looked for.
    if (options.fuzzy && words <= MAX_FUZZY_WORDS && !listed) {
      probe.sounds(k, maxFuzzyDistance(k.length, !VOWEL_IN_KEY.test(k)));
      probe.spelling(maxSpellingDistance(heard.length));
      probe.finalVowel(folded);
    }
  }
  if (probe.found.size === 0) return [];
  return [...probe.found.values()].sort((a, b) => b.score - a.score || a.index - b.index);
}
