// How far apart two phonetic keys (keys.ts) sound. The phonetic key folds the
// romanisation habits that are certain (aa/a, sh/s, aspirates); what is left
// are confusions that are likely but not certain: English-style spellings
// (c for k, b for v), vowels heard or written one shade off (e/i, o/u, y/i),
// a vowel or an aspirate h dropped or added. A weighted edit distance charges
// those less than an arbitrary edit, so "carma" is nearer "karma" than "farma"
// is. The coarse key folds those same classes away entirely: it is only a
// retrieval key (which entries to verify), never a reason to match by itself.

/** Letters that stand for one sound class in the coarse key (first of each group is the class letter). */
const CLASSES = ["iey", "uo", "kcq", "vbw"] as const;
/** The pairs within a class that are cheap to confuse (e/y is not: "Sorea" is not "Sūrya"). */
const CHEAP_PAIRS = ["ei", "iy", "ou", "kc", "kq", "vb", "vw"] as const;
/** A substitution within one class. */
const CLASS_SUBSTITUTION = 0.3;
/** Inserting or deleting a vowel (a dropped final vowel, "prjana" / "prajna"). */
const VOWEL_INDEL = 0.65;
/** Inserting or deleting an h (an aspirate misplaced: "hcakra", "dhhat"). */
const H_INDEL = 0.5;
/** Swapping two adjacent letters ("advatia", "oyga"). */
const TRANSPOSITION = 0.8;

const CHEAP = new Set<number>(CHEAP_PAIRS.flatMap(([a, b]) => [pairCode(a!.charCodeAt(0), b!.charCodeAt(0)), pairCode(b!.charCodeAt(0), a!.charCodeAt(0))]));
function pairCode(a: number, b: number): number {
  return a * 65536 + b;
}
const COARSE_LETTER = new Map<string, string>(CLASSES.flatMap((letters) => [...letters].map((ch) => [ch, letters[0]!] as const)));
const VOWEL = new Uint8Array(128);
for (const ch of "aeiouy") VOWEL[ch.charCodeAt(0)] = 1;
const H = "h".charCodeAt(0);

/**
 * The coarse key of a phonetic key: each confusion class folded to one letter,
 * then repeated letters collapsed ("carm" and "karm" -> "karm", "suri" and
 * "sury" -> "suri", "kriy" -> "kri").
 */
export function coarseKey(key: string): string {
  let out = "";
  for (const ch of key) {
    const c = COARSE_LETTER.get(ch) ?? ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

function substitution(a: number, b: number): number {
  if (a === b) return 0;
  return CHEAP.has(pairCode(a, b)) ? CLASS_SUBSTITUTION : 1;
}

function indel(ch: number): number {
  if (ch === H) return H_INDEL;
  return ch < 128 && VOWEL[ch] === 1 ? VOWEL_INDEL : 1;
}

/** The three rows weightedDistance works in, reused between calls (grown when a longer key comes). */
let rows: Float64Array[] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];

/**
 * Weighted optimal-string-alignment distance between two phonetic keys,
 * stopping early once it must exceed `max` (returns a value above max then).
 */
export function weightedDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Float64Array(2 * n + 2), new Float64Array(2 * n + 2), new Float64Array(2 * n + 2)];
  let [prev2, prev, cur] = rows as [Float64Array, Float64Array, Float64Array];
  prev[0] = 0;
  for (let j = 1; j <= n; j++) prev[j] = prev[j - 1]! + indel(b.charCodeAt(j - 1));
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const delA = indel(ca);
    cur[0] = prev[0]! + delA;
    let rowMin = cur[0]!;
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + delA, cur[j - 1]! + indel(cb), prev[j - 1]! + substitution(ca, cb));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) v = Math.min(v, prev2[j - 2]! + TRANSPOSITION);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}
