// Spoken references qualified by a work: "chapter two verse forty seven of
// the gita", "bhagavad gita chapter 2 verse 47", "verse forty seven of chapter
// two of the bhagavad gita" -> "Bhagavad Gītā 2.47" (or "BG 2.47", "2.47").
// Only references naming a loaded work, and a verse that work has, are taken
// here; an unqualified "chapter two verse forty seven" is left to ITN's
// verse_ref class, which runs later and writes "2.47".
import type { Token } from "../../tokens.js";
import { coreOf } from "../itn/span.js";
import { readCardinal } from "../itn/numbers.js";
import type { ItnTables } from "../itn/tables.js";
import { nameKey, referenceKey, type IndexedVerse, type VerseIndex } from "./verse-index.js";
import type { VerseWork } from "./corpus.js";

const CHAPTER_WORDS = new Set(["chapter", "adhyaya", "canto", "book", "pada"]);
const VERSE_WORDS = new Set(["verse", "shloka", "sloka", "sutra", "text", "mantra"]);
const LINK_WORDS = new Set(["of", "in", "from"]);

export interface ReferenceMatch {
  /** Token range [tokenStart, tokenEnd) of the spoken reference. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly entry: IndexedVerse;
}

/** The segment as lower-case words (hyphenated tokens give several), each knowing its token. */
interface Words {
  words: string[];
  tokenOf: number[];
}

function wordsOf(tokens: readonly Token[]): Words {
  const v: Words = { words: [], tokenOf: [] };
  tokens.forEach((t, i) => {
    for (const part of coreOf(t.text).core.toLowerCase().split(/[\s-]+/)) {
      if (part === "") continue;
      v.words.push(part);
      v.tokenOf.push(i);
    }
  });
  return v;
}

function readNumber(w: Words, i: number, numbers: ItnTables | undefined): { value: number; end: number } | null {
  const word = w.words[i];
  if (word === undefined) return null;
  if (/^\d{1,3}$/.test(word)) return { value: Number(word), end: i + 1 };
  if (numbers === undefined) return null;
  const card = readCardinal(numbers, w.words, i, w.words.length);
  if (card === null || card.value <= 0n || card.value > 999n) return null;
  return { value: Number(card.value), end: card.end };
}

/** A work named at word i ("the" allowed before it): the work and where its name starts and ends. */
function readWorkName(w: Words, i: number, index: VerseIndex): { work: VerseWork; start: number; end: number } | null {
  const start = w.words[i] === "the" ? i + 1 : i;
  for (let n = Math.min(index.maxNameWords + 1, w.words.length - start); n >= 1; n--) {
    const work = index.workNames.get(nameKey(w.words.slice(start, start + n).join(" ")));
    if (work !== undefined) return { work, start, end: start + n };
  }
  return null;
}

/** "chapter N verse M" or "verse M of chapter N" at word i. */
function readChapterVerse(w: Words, i: number, numbers: ItnTables | undefined): { chapter: number; verse: number; end: number } | null {
  const head = w.words[i]!;
  if (CHAPTER_WORDS.has(head)) {
    const chapter = readNumber(w, i + 1, numbers);
    if (chapter === null || !VERSE_WORDS.has(w.words[chapter.end] ?? "")) return null;
    const verse = readNumber(w, chapter.end + 1, numbers);
    return verse === null ? null : { chapter: chapter.value, verse: verse.value, end: verse.end };
  }
  if (VERSE_WORDS.has(head)) {
    const verse = readNumber(w, i + 1, numbers);
    if (verse === null || !LINK_WORDS.has(w.words[verse.end] ?? "") || !CHAPTER_WORDS.has(w.words[verse.end + 1] ?? "")) return null;
    const chapter = readNumber(w, verse.end + 2, numbers);
    return chapter === null ? null : { chapter: chapter.value, verse: verse.value, end: chapter.end };
  }
  return null;
}

/** Work-qualified references in the tokens, in order, not overlapping. */
export function findReferences(tokens: readonly Token[], index: VerseIndex, numbers: ItnTables | undefined, allowed: ((v: IndexedVerse) => boolean) | null): ReferenceMatch[] {
  // Quick rejection: no chapter or verse word, no reference.
  if (!tokens.some((t) => { const k = coreOf(t.text).core.toLowerCase(); return CHAPTER_WORDS.has(k) || VERSE_WORDS.has(k); })) return [];
  const w = wordsOf(tokens);
  const found: ReferenceMatch[] = [];
  const take = (startWord: number, endWord: number, work: VerseWork, chapter: number, verse: number) => {
    const entry = index.byReference.get(referenceKey(work.id, chapter, verse));
    if (entry === undefined || (allowed !== null && !allowed(entry))) return false;
    const tokenStart = w.tokenOf[startWord]!;
    const tokenEnd = w.tokenOf[endWord - 1]! + 1;
    // A token shared with words outside the reference ("two-thirds") would be cut: not a reference.
    if ((startWord > 0 && w.tokenOf[startWord - 1] === tokenStart) || w.tokenOf[endWord] === tokenEnd - 1) return false;
    found.push({ tokenStart, tokenEnd, entry });
    return true;
  };
  let i = 0;
  while (i < w.words.length) {
    // "<work> chapter N verse M" ("the gita chapter …" keeps its "the")
    const named = readWorkName(w, i, index);
    if (named !== null && named.end < w.words.length) {
      const cv = readChapterVerse(w, named.end, numbers);
      if (cv !== null && take(named.start, cv.end, named.work, cv.chapter, cv.verse)) {
        i = cv.end;
        continue;
      }
    }
    // "chapter N verse M of the <work>"
    const cv = readChapterVerse(w, i, numbers);
    if (cv !== null && LINK_WORDS.has(w.words[cv.end] ?? "")) {
      const work = readWorkName(w, cv.end + 1, index);
      if (work !== null && take(i, work.end, work.work, cv.chapter, cv.verse)) {
        i = work.end;
        continue;
      }
    }
    i++;
  }
  return found;
}
