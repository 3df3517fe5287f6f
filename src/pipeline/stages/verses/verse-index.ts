// The verse index: every verse of every loaded work keyed through fold.ts,
// with an inverted index of key n-grams so that a segment finds its candidate
// verses by looking up its own n-grams (cost proportional to the segment, not
// to the corpus). Built once per loaded corpus and memoised on it, so compiling
// a profile per stream costs nothing.
import type { Verse, VerseWork } from "./corpus.js";
import { keyCodes, keyStream, wordKey } from "./fold.js";

/** Retrieval n-gram length on keys: long enough to be rare in English, short enough to survive noise. */
export const GRAM = 4;

/** An n-gram of letter codes (0..25) packed into one integer, 5 bits a letter: lookups allocate no strings. */
export function gramAt(codes: Uint8Array, pos: number): number {
  let g = 0;
  for (let k = 0; k < GRAM; k++) g = (g << 5) | codes[pos + k]!;
  return g;
}

export interface IndexedVerse {
  readonly work: VerseWork;
  readonly verse: Verse;
  /** The canonical IAST words, in order ("\n" line breaks removed). */
  readonly words: readonly string[];
  /** Line (pāda group) of each word, for rendering line separators. */
  readonly lineOf: readonly number[];
  readonly key: string;
  /** The key as letter codes, for alignment. */
  readonly codes: Uint8Array;
  /** Word index of each key character. */
  readonly wordOf: Int32Array;
  /** Key characters per word (a word whose key is empty has 0). */
  readonly wordKeyLength: Int32Array;
}

export interface VerseIndex {
  readonly verses: readonly IndexedVerse[];
  /** n-gram (gramAt) -> ids of verses containing it (each id once, ascending). */
  readonly postings: ReadonlyMap<number, Int32Array>;
  /** Spoken names of each work through the key, for references. */
  readonly workNames: ReadonlyMap<string, VerseWork>;
  /** Longest work name, in words. */
  readonly maxNameWords: number;
  /** (work id, "c.v") -> indexed verse. */
  readonly byReference: ReadonlyMap<string, IndexedVerse>;
}

export function referenceKey(workId: string, chapter: number, verse: number): string {
  return `${workId}\u0000${chapter}.${verse}`;
}

function indexVerse(work: VerseWork, verse: Verse): IndexedVerse {
  const words: string[] = [];
  const lineOf: number[] = [];
  verse.text.split("\n").forEach((line, lineNo) => {
    for (const w of line.split(/\s+/)) {
      if (w === "") continue;
      words.push(w);
      lineOf.push(lineNo);
    }
  });
  const stream = keyStream(words.map(wordKey));
  const wordKeyLength = new Int32Array(words.length);
  for (const w of stream.wordOf) wordKeyLength[w]!++;
  return { work, verse, words, lineOf, key: stream.key, codes: keyCodes(stream.key), wordOf: stream.wordOf, wordKeyLength };
}

/** A key's name through the same fold as recitations ("bhagwat geeta" and "bhagavad gita" meet). */
export function nameKey(name: string): string {
  return keyStream(name.split(/\s+/).filter((w) => w !== "").map(wordKey)).key;
}

export function buildVerseIndex(works: readonly VerseWork[]): VerseIndex {
  const verses: IndexedVerse[] = [];
  const lists = new Map<number, number[]>();
  const workNames = new Map<string, VerseWork>();
  const byReference = new Map<string, IndexedVerse>();
  let maxNameWords = 1;
  for (const work of works) {
    for (const name of [...work.names, work.title.toLowerCase()]) {
      const key = nameKey(name);
      if (key !== "" && !workNames.has(key)) workNames.set(key, work);
      maxNameWords = Math.max(maxNameWords, name.split(/\s+/).length);
    }
    for (const verse of work.verses) {
      const id = verses.length;
      const entry = indexVerse(work, verse);
      verses.push(entry);
      byReference.set(referenceKey(work.id, verse.chapter, verse.verse), entry);
      for (let p = 0; p + GRAM <= entry.codes.length; p++) {
        const gram = gramAt(entry.codes, p);
        let list = lists.get(gram);
        if (list === undefined) lists.set(gram, (list = []));
        if (list[list.length - 1] !== id) list.push(id);
      }
    }
  }
  const postings = new Map<number, Int32Array>();
  for (const [gram, list] of lists) postings.set(gram, Int32Array.from(list));
  return { verses, postings, workNames, maxNameWords, byReference };
}

const built = new WeakMap<readonly VerseWork[], VerseIndex>();

/** The index for this loaded corpus, built on first use (resources are loaded once per process). */
export function verseIndexFor(works: readonly VerseWork[]): VerseIndex {
  let index = built.get(works);
  if (index === undefined) built.set(works, (index = buildVerseIndex(works)));
  return index;
}
