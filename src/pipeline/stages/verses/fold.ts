// The phonetic key that makes an IAST verse and an English-ized recitation of
// it comparable. ASR and English-speaking writers spell Sanskrit by sound:
// no diacritics, aspiration written or dropped (dh/d, bh/b, ch/c, sh/ś/ṣ),
// long vowels doubled or not (aa/a, ee/ī, oo/ū), w for v, ṛ as "ri", jñ as
// "gy" or "dny", doubled consonants single. The key folds all of these to one
// spelling, on both sides: the corpus is indexed through it and the segment's
// words are read through it, so the same rules apply to both and no rule needs
// to know which side it is on.
//
// A word's key is computed alone; a stream of words is keyed by joining the
// word keys and folding the joins (sandhi writes "tat tvam" as "tattvam"), so
// every key character still knows which word it came from.
//
// The key's alphabet also fixes what alignment may forgive, so the cost
// tables (which key letters are confusable, which are cheap to lose) live here.

const IAST_LETTERS: Readonly<Record<string, string>> = {
  ā: "a", ī: "i", ū: "u", ṛ: "ri", ṝ: "ri", ḷ: "li", ḹ: "li",
  ś: "s", ṣ: "s", ṃ: "m", ṁ: "m", ṅ: "n", ñ: "n", ṇ: "n", ṭ: "t", ḍ: "d", ḥ: "",
};
/** Any letter with a combining mark left after the table (m̐, accented vowels): the mark is dropped. */
const COMBINING = /[\u0300-\u036f]/g;
const NON_LETTER = /[^a-z]/g;
const VOWELS = new Set(["a", "e", "i", "o", "u"]);

const M = "m".charCodeAt(0);
const N = "n".charCodeAt(0);
const Y = "y".charCodeAt(0);
const V = "v".charCodeAt(0);
/** 1 at the char code of each vowel (a table: this is read per key character). */
const VOWEL_CODES = new Uint8Array(128);
for (const v of VOWELS) VOWEL_CODES[v.charCodeAt(0)] = 1;

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.has(c);
}

/** Lower-case ASCII letters of one written word, IAST letters spelled the popular way. */
function asciiLetters(word: string): string {
  let out = "";
  for (const ch of word.toLowerCase().normalize("NFC")) {
    const mapped = IAST_LETTERS[ch];
    out += mapped ?? ch;
  }
  return out.normalize("NFD").replace(COMBINING, "").replace(NON_LETTER, "");
}

/** Spelling habits that stand for one sound, applied in order (x -> ks before anything reads "k"). */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/x/g, "ks"],
  [/q/g, "k"],
  [/f/g, "p"],
  [/w/g, "v"],
  [/z/g, "j"],
  [/ee/g, "i"],
  [/oo/g, "u"],
  [/dny|gy|gn/g, "jn"],
];

/**
 * The key of one word, before joining. `h` is kept only where it is a sound of
 * its own (between vowels or word-initially before a vowel): after a consonant
 * it marks aspiration or a sibilant (bh, dh, ch, sh), before a consonant or at
 * the end it is a visarga, which recitations drop or echo freely.
 */
export function wordKey(word: string): string {
  let s = asciiLetters(word);
  if (s === "") return s;
  for (const [pattern, to] of SPELLINGS) s = s.replace(pattern, to);
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "h") {
      const prev = out[out.length - 1];
      if ((prev !== undefined && !isVowel(prev)) || !isVowel(s[i + 1])) continue;
    }
    out += c;
  }
  return out;
}

/** A stream of word keys joined and folded, with the word each key character belongs to. */
export interface KeyedStream {
  readonly key: string;
  /** wordOf[k]: index (in the input word list) of the word key character k came from. */
  readonly wordOf: Int32Array;
}

/**
 * Joins word keys into one stream: a nasal before a consonant is one sound
 * whatever its spelling (saṃsāra, samsara, sansara), and a run of one letter is
 * one letter (gemination, doubled vowels, and "tat tvam" against "tattvam").
 */
export function keyStream(wordKeys: readonly string[]): KeyedStream {
  let length = 0;
  for (const k of wordKeys) length += k.length;
  const chars = new Uint8Array(length);
  const owners = new Int32Array(length);
  let n = 0;
  for (let w = 0; w < wordKeys.length; w++) {
    const k = wordKeys[w]!;
    for (let i = 0; i < k.length; i++) {
      chars[n] = k.charCodeAt(i);
      owners[n++] = w;
    }
  }
  for (let i = 0; i + 1 < n; i++) {
    const next = chars[i + 1]!;
    if (chars[i] === M && VOWEL_CODES[next] === 0 && next !== Y && next !== V) chars[i] = N;
  }
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && chars[i] === chars[i - 1]) continue;
    chars[kept] = chars[i]!;
    owners[kept++] = owners[i]!;
  }
  let key = "";
  for (let i = 0; i < kept; i++) key += String.fromCharCode(chars[i]!);
  return { key, wordOf: owners.slice(0, kept) };
}

const SIMILAR_CONSONANTS: ReadonlyArray<string> = ["kg", "cj", "td", "pb", "bv", "nm", "rl", "yi", "vu", "jy"];
const LETTERS = 26;
const A = 97;

/**
 * Cost of reading key letter a where the verse has b, indexed [a * 26 + b] by
 * letter code − 97: 0 equal, 0.5 a likely confusion (any two vowels, the
 * consonant pairs above), 1 otherwise. A table, since alignment reads it per cell.
 */
export const SUBSTITUTION: Float64Array = (() => {
  const table = new Float64Array(LETTERS * LETTERS).fill(1);
  for (let a = 0; a < LETTERS; a++) table[a * LETTERS + a] = 0;
  const vowels = [...VOWELS].map((v) => v.charCodeAt(0) - A);
  for (const a of vowels) for (const b of vowels) if (a !== b) table[a * LETTERS + b] = 0.5;
  for (const pair of SIMILAR_CONSONANTS) {
    const a = pair.charCodeAt(0) - A;
    const b = pair.charCodeAt(1) - A;
    table[a * LETTERS + b] = table[b * LETTERS + a] = 0.5;
  }
  return table;
})();

/** Cost of a key letter present on one side only: a dropped short "a" (schwa) is the commonest slip. */
export const GAP: Float64Array = (() => {
  const table = new Float64Array(LETTERS).fill(1);
  for (const v of VOWELS) table[v.charCodeAt(0) - A] = 0.7;
  table["a".charCodeAt(0) - A] = 0.5;
  return table;
})();

/** A key as letter codes 0..25 for the alignment tables. */
export function keyCodes(key: string): Uint8Array {
  const codes = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) codes[i] = key.charCodeAt(i) - A;
  return codes;
}

/** Memo of wordKey for the words segments repeat (the, and, …); cleared when full, so memory stays bounded. */
const KEY_CACHE_LIMIT = 20_000;
const keyCache = new Map<string, string>();

export function cachedWordKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(word, (key = wordKey(word)));
  }
  return key;
}
