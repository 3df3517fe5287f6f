// The keys the lexicon matcher looks things up by. Three levels, from strict to
// loose: the ASCII fold (diacritics and case gone, "Bhagavad Gītā" -> "bhagavad
// gita"), the phonetic key (Sanskrit/Hindi romanisation habits folded away, so
// "bhagwat geeta" and "bhagavad gita" meet), and a weighted edit distance on
// phonetic keys (distance.ts: for what neither fold catches, e.g. c for k, a
// dropped or swapped letter).

import { foldLexiconText } from "./pack.js";

const NON_ASCII_LETTER = /[^a-z ]+/g;

/**
 * ASCII fold: the pack's comparison fold (NFD, marks removed, lower-case,
 * whitespace collapsed) with anything but a-z and spaces dropped
 * ("Kṛṣṇa's" -> "krsnas", "Haṭha-Yoga" -> "hathayoga").
 */
export function asciiFold(text: string): string {
  return foldLexiconText(text).replace(NON_ASCII_LETTER, "").trim();
}

/**
 * Rewrites applied in order to each folded word. Each one maps spellings that
 * English-speaking transcribers use interchangeably for one Sanskrit sound onto
 * one form; the order matters (clusters before their parts).
 */
const PHONETIC_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/x/g, "ks"],
  [/chh|ch/g, "c"],
  [/ksh/g, "ks"],
  [/sh/g, "s"],
  // jñ is written gy (gyan), gn (gnana), jn (jnana), dny (Marathi).
  [/jn|gy|dny/g, "gn"],
  // Aspirates: written with or without the h.
  [/([bdgjkpt])h/g, "$1"],
  [/f/g, "p"],
  [/w/g, "v"],
  [/z/g, "j"],
  [/q/g, "k"],
  // ṛ is written ri before a consonant (krishna, amrita, prithvi, rishi), and ru after one (krupa,
  // vrunda); the IAST fold has plain r. A ru that opens a word or follows a vowel is r + u (rudra, purusha).
  [/ri(?=[^aeiouy])|(?<=[^aeiou])ru(?=[^aeiouy])/g, "r"],
  // A y between vowels written i after an i ("kriia" / kriyā) is not a long ī.
  [/ii(?=[aeou])/g, "iy"],
  // Long vowels doubled.
  [/aa+/g, "a"],
  [/ee+|ii+/g, "i"],
  [/oo+|uu+/g, "u"],
  // Anusvāra written m or n before a consonant (samskara / sanskara); only after a vowel ("mudra" keeps its m).
  [/(?<=[aeiou])m(?=[^aeiouym])/g, "n"],
  // Geminates written single and vice versa (citta / chita).
  [/([a-z])\1+/g, "$1"],
];

/** Hindi-style dropped final a (pranayam / prāṇāyāma) and visarga h (namah / namaḥ / nama). */
const FINAL_VOWEL = /(?:ah|a|h)$/;
/** Final voiced/voiceless pairs are heard alike (bhagavad / bhagavat). */
const FINAL_D = /d$/;

/** Words repeat: their keys are cached (bounded; cleared when full). */
const WORD_KEYS = new Map<string, string>();
const WORD_KEY_CACHE = 50_000;

export function phoneticWord(word: string): string {
  const cached = WORD_KEYS.get(word);
  if (cached !== undefined) return cached;
  if (WORD_KEYS.size >= WORD_KEY_CACHE) WORD_KEYS.clear();
  const key = computePhoneticWord(word);
  WORD_KEYS.set(word, key);
  return key;
}

function computePhoneticWord(word: string): string {
  let w = word;
  for (const [pattern, replacement] of PHONETIC_RULES) w = w.replace(pattern, replacement);
  if (w.length > 2) w = w.replace(FINAL_VOWEL, "");
  return w.replace(FINAL_D, "t");
}

/**
 * The phonetic key of an ASCII-folded text: each word folded, then joined
 * without spaces, so a compound written split or joined has one key
 * ("hatha yoga" / "hathayoga" -> "hatyog"). Building an index passes
 * `cached: false`: a pack's words are keyed once, and would crowd a
 * transcript's recurring words out of the cache.
 */
export function phoneticKey(folded: string, cached = true): string {
  let key = "";
  for (const word of folded.split(" ")) if (word !== "") key += cached ? phoneticWord(word) : computePhoneticWord(word);
  return key;
}

/** The three rows boundedLevenshtein works in: every candidate is checked there, so they are reused, not allocated per call. */
let levenshteinRows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance with adjacent transpositions (optimal string alignment: "advatia"
 * / "advaita" is one edit), stopping early once it must exceed `max` (returns
 * max + 1 then).
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (levenshteinRows[0]!.length <= b.length) levenshteinRows = [0, 1, 2].map(() => new Int32Array(2 * b.length + 2));
  let [prev2, prev, cur] = levenshteinRows as [Int32Array, Int32Array, Int32Array];
  prev2.fill(0, 0, b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const ca = a.charCodeAt(i - 1);
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * Whether `heard` is `form` with one letter left out or two adjacent letters
 * swapped: a slip that keeps the writer's letters, none of them changed.
 */
export function slipOf(heard: string, form: string): boolean {
  let i = 0;
  while (i < heard.length && heard.charCodeAt(i) === form.charCodeAt(i)) i++;
  if (heard.length === form.length - 1) return heard.slice(i) === form.slice(i + 1);
  if (heard.length !== form.length || i >= heard.length - 1) return false;
  return heard[i] === form[i + 1] && heard[i + 1] === form[i] && heard.slice(i + 2) === form.slice(i + 2);
}

/** Every string made by deleting one character (the fuzzy index's neighbourhood; the string itself excluded). */
export function singleDeletes(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    if (i > 0 && key[i] === key[i - 1]) continue;
    out.push(key.slice(0, i) + key.slice(i + 1));
  }
  return out;
}
