// The lexicon index: built once per set of packs, every key a lookup probes
// (matcher.ts) filed in a map or a one-deletion neighbourhood. What grows with
// the number of entries is memory, and a probe of a big table misses the CPU
// caches: so the maps mostly probed in vain have Bloom filters in front
// (postings.ts), the neighbourhoods are flat typed arrays (neighbours.ts), and
// a match by sound verifies phonetic keys by id before it touches the entries
// behind them.
import type { LexiconEntry, LexiconPack } from "./types.js";
import { coarseKey } from "./distance.js";
import { asciiFold, phoneticKey } from "./keys.js";
import { WordFilter } from "./bloom.js";
import { DeletionIndex } from "./neighbours.js";
import { Postings, type Posting } from "./postings.js";

export interface IndexedEntry {
  readonly entry: LexiconEntry;
  readonly packId: string;
  /** ASCII folds of the canonical and every variant, without spaces (for similarity). */
  readonly forms: readonly string[];
  /** Phonetic keys of the canonical and every variant. */
  readonly keys: readonly string[];
  /** Fewest and most words among the canonical and its variants. */
  readonly minWords: number;
  readonly maxWords: number;
  /** The canonical, NFC lower-case: a span equal to it is already written right. */
  readonly canonicalLower: string;
}

export interface LexiconIndex {
  readonly entries: readonly IndexedEntry[];
  /** Canonical, NFC lower-case -> entries: spans already written as the canonical (filtered: most spans are not). */
  readonly canonical: Postings;
  /** ASCII fold (words joined by one space) -> entries (filtered: probed for a listed spelling once every word passes `words`, and for a final vowel left out). */
  readonly exact: Postings;
  /** Phonetic key -> entries (filtered: most heard keys are no entry's). */
  readonly phonetic: Postings;
  /** A listed spelling without its final vowel -> entries, where only one vowel makes a listed spelling of it (filtered). */
  readonly stems: Postings;
  /** Every phonetic key once, by key id, and the entries that have each (what a match by sound verifies and offers). */
  readonly soundKeys: readonly string[];
  readonly soundKeyEntries: readonly Posting[];
  /** Coarse key (distance.ts) -> ids of the phonetic keys filed under it (filtered), and coarse keys by one-deletion neighbourhood (fuzzy retrieval). */
  readonly coarse: Postings;
  readonly coarseNear: DeletionIndex;
  /** The phonetic key ids of each coarse key the neighbourhood holds, by its id there (no map probe for a neighbour). */
  readonly coarseByNearId: readonly Posting[];
  /** ASCII fold without spaces -> entries (probed only for keys its neighbourhood found), and that one-deletion neighbourhood (edits the phonetic folds hide). */
  readonly spelling: Postings;
  readonly spellingNear: DeletionIndex;
  readonly spellingByNearId: readonly Posting[];
  /** Every word of every ASCII fold and of every NFC lower-case canonical (a span with another word is no listed spelling). */
  readonly words: WordFilter;
  /** Longest canonical or variant, in words (bounds the spans the stage tries). */
  readonly maxWords: number;
  readonly packIds: readonly string[];
}

/** Coarse keys shorter than this get no fuzzy neighbourhood (only an equal coarse key finds them): too many short words are one edit apart. */
export const MIN_FUZZY_KEY = 4;
/** Coarse keys are filed from one letter shorter, so a query's deletion finds them ("kaph" -> "kap"). */
const MIN_FILED_KEY = MIN_FUZZY_KEY - 1;

/** Spellings (ASCII folds) shorter than this get no fuzzy neighbourhood. */
export const MIN_SPELLING_FUZZY = 6;

/** A listed spelling's final vowel, which a speaker or writer may leave out ("gur" / guru). */
const FINAL_VOWEL = /[aiu]$/;
/** Two letters are no stem ("ed" is no "iḍā"). */
const MIN_FINAL_VOWEL_STEM = 3;

const wordCount = (folded: string) => (folded === "" ? 0 : folded.split(" ").length);

/** Builds the index over the given packs' entries (in pack order). */
export function buildLexiconIndex(packs: readonly LexiconPack[]): LexiconIndex {
  const entries: IndexedEntry[] = [];
  const canonical = new Postings(true);
  const exact = new Postings(true);
  const phonetic = new Postings(true);
  const coarse = new Postings(true);
  const coarseNear = new DeletionIndex(MIN_FILED_KEY);
  const spelling = new Postings(false);
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
        exact.add(f, id);
        keys.add(phoneticKey(f, false));
        // Word-final folds (a dropped final a, final d as t) differ between a compound written split and joined: key both.
        if (w > 1) keys.add(phoneticKey(f.replaceAll(" ", ""), false));
      }
      for (const f of new Set(forms)) {
        spelling.add(f, id);
        spellingNear.add(f);
      }
      for (const k of keys) phonetic.add(k, id);
      maxWords = Math.max(maxWords, maxW);
      const canonicalLower = entry.canonical.normalize("NFC").toLowerCase();
      canonical.add(canonicalLower, id);
      entries.push({ entry, packId: pack.id, forms, keys: [...keys], minWords: minW, maxWords: maxW, canonicalLower });
    }
  }
  // A phonetic key's entries are found through its id; the coarse keys file key ids, so verifying a
  // neighbour reads the keys (a few strings), not the entries behind them (objects all over the heap).
  const soundKeys = [...phonetic.keys()];
  const soundKeyEntries = soundKeys.map((k) => phonetic.getFiled(k)!);
  soundKeys.forEach((k, kid) => {
    const c = coarseKey(k);
    coarse.add(c, kid);
    coarseNear.add(c);
  });
  const stems = stemsOf(exact);
  for (const sealable of [canonical, exact, phonetic, coarse, spelling, coarseNear, spellingNear, stems]) sealable.seal();
  const wordSet = spellingWords({ exact, canonical });
  const words = new WordFilter(wordSet.size);
  for (const w of wordSet) words.add(w);
  const byNearId = (near: DeletionIndex, postings: Postings) => Array.from({ length: near.size }, (_, id) => postings.getFiled(near.keyOf(id))!);
  const coarseByNearId = byNearId(coarseNear, coarse);
  const spellingByNearId = byNearId(spellingNear, spelling);
  return { entries, canonical, exact, stems, phonetic, soundKeys, soundKeyEntries, coarse, coarseNear, coarseByNearId, spelling, spellingNear, spellingByNearId, words, maxWords, packIds: packs.map((p) => p.id) };
}

/** Every word of every listed spelling (ASCII fold) and of every canonical (NFC lower-case): what the word filter holds. */
export function spellingWords(index: Pick<LexiconIndex, "exact" | "canonical">): Set<string> {
  const words = new Set<string>();
  for (const keys of [index.exact.keys(), index.canonical.keys()]) for (const key of keys) for (const w of key.split(" ")) words.add(w);
  return words;
}

/** The listed spellings (exact's keys) without their final vowel, filed when one vowel only completes the stem. */
function stemsOf(exact: Postings): Postings {
  const vowels = new Map<string, string>();
  for (const fold of exact.keys()) {
    if (!FINAL_VOWEL.test(fold) || fold.length <= MIN_FINAL_VOWEL_STEM) continue;
    const stem = fold.slice(0, -1);
    const seen = vowels.get(stem);
    vowels.set(stem, seen === undefined || seen === fold.slice(-1) ? fold.slice(-1) : "");
  }
  const stems = new Postings(true);
  for (const [stem, vowel] of vowels) {
    if (vowel === "") continue;
    const p = exact.getFiled(stem + vowel)!;
    for (const id of typeof p === "number" ? [p] : p) stems.add(stem, id);
  }
  return stems;
}
