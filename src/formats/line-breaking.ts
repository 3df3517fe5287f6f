// Where caption text may break, and how to break a cue's words into
// balanced lines. Subtitle style guides agree on the order of preference:
// after a sentence, after clause punctuation, before a conjunction or
// preposition — and never inside a word.

/** How good a break before words[j] is: 3 sentence end, 2 clause punctuation, 1 before a connective, 0 anywhere else. */
export function boundaryStrength(words: readonly string[], j: number): number {
  const before = words[j - 1];
  const after = words[j];
  if (before === undefined || after === undefined) return 3;
  if (/[.?!…]["'”’»)\]]*$/.test(before)) return 3;
  if (/[,;:]["'”’»)\]]*$/.test(before) || /^[-–—]/.test(after) || /[–—]$/.test(before)) return 2;
  if (CONNECTIVES.has(after.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))) return 1;
  return 0;
}

const CONNECTIVES = new Set(
  (
    "and but or nor so yet because although though while whereas if unless until when whenever where wherever " +
    "which who whom whose that than as since after before once of in on at to for from with without into onto " +
    "about over under between through during against among by like"
  ).split(" "),
);

/** Length of words joined by single spaces. */
export function joinedLength(words: readonly string[]): number {
  return words.reduce((sum, w) => sum + w.length, 0) + Math.max(0, words.length - 1);
}

/** Fewest lines of at most maxChars that hold the words (a word longer than maxChars gets a line of its own). */
export function greedyLineCount(words: readonly string[], maxChars: number): number {
  let lines = 0;
  let current = -1;
  for (const w of words) {
    if (current >= 0 && current + 1 + w.length <= maxChars) current += 1 + w.length;
    else {
      lines++;
      current = w.length;
    }
  }
  return lines;
}

/**
 * Bonus for breaking a line at a boundary of strength 0..3, in squared
 * characters of imbalance: on two lines a comma outweighs about 8 characters
 * of lopsidedness, a conjunction about 4. Readers parse a line that ends at a
 * clause faster than a perfectly even one.
 */
const BREAK_BONUS = [0, 40, 150, 300];

/**
 * Breaks words into the fewest lines that fit maxChars, then balances them:
 * minimises the squared deviation from equal line lengths, less a bonus for
 * breaking at a natural boundary. Lines may exceed maxChars only when a single
 * word does, or when more than maxLines would be needed (the caller reports).
 */
export function breakLines(words: readonly string[], maxChars: number, maxLines: number): string[] {
  if (words.length === 0) return [];
  const needed = greedyLineCount(words, maxChars);
  const lineCount = Math.min(Math.max(1, needed), words.length);
  if (lineCount === 1) return [words.join(" ")];
  const limit = needed > maxLines ? Infinity : maxChars; // overfull cue: balance without a hard limit
  const target = joinedLength(words) / lineCount;
  const n = words.length;
  // best[k][j]: least cost of putting words[0..j) on k lines; from[k][j]: where line k starts.
  const best: number[][] = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: lineCount + 1 }, () => new Array<number>(n + 1).fill(-1));
  (best[0] as number[])[0] = 0;
  for (let k = 1; k <= lineCount; k++) {
    for (let j = k; j <= n; j++) {
      for (let i = k - 1; i < j; i++) {
        const prior = (best[k - 1] as number[])[i] as number;
        if (prior === Infinity) continue;
        const len = joinedLength(words.slice(i, j));
        if (len > limit && j - i > 1) continue;
        const bonus = j < n ? (BREAK_BONUS[boundaryStrength(words, j)] as number) : 0;
        const cost = prior + (len - target) ** 2 - bonus;
        if (cost < ((best[k] as number[])[j] as number)) {
          (best[k] as number[])[j] = cost;
          (from[k] as number[])[j] = i;
        }
      }
    }
  }
  if ((best[lineCount] as number[])[n] === Infinity) return [words.join(" ")];
  const lines: string[] = [];
  for (let k = lineCount, j = n; k > 0; k--) {
    const i = (from[k] as number[])[j] as number;
    lines.unshift(words.slice(i, j).join(" "));
    j = i;
  }
  return lines;
}
