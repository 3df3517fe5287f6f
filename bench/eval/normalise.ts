// Text normalisation for the `format` suite.
//
// (a) Case- and punctuation-sensitive tokens (`sensitiveTokens`): whitespace
//     split with punctuation left attached to its word (the usual convention of
//     formatted-WER tools), so "Hello," ≠ "hello" ≠ "Hello". Only typographic
//     variants are folded (curly quotes → straight), which no one would call a
//     formatting error.
// (b) Standard normalisation (`normaliseText`): lowercase, curly quotes folded,
//     digit-group commas dropped ("2,000" → "2000"), hyphens and every other
//     punctuation mark become spaces (apostrophes inside words, a decimal point
//     between digits, "$" and "%" are kept), then spoken numbers are folded to
//     digits by an optional `fold` function, and "%" is spelled "percent".
//     The suite passes lipi's own ITN (a profile with only `itn` on, every
//     spell-out threshold 0, no thousands separator) as `fold` and applies it
//     to BOTH sides — reference, raw ASR and processed output — so the fold is
//     symmetric: a number written "eleven" in the reference and "11" by lipi
//     compares equal, and ITN mistakes cannot make lipi look better than raw.

const CURLY_SINGLE = /[\u2018\u2019\u02BC]/g;
const CURLY_DOUBLE = /[\u201C\u201D]/g;

function foldTypography(text: string): string {
  return text.replace(CURLY_SINGLE, "'").replace(CURLY_DOUBLE, '"');
}

/** Tokens for the case/punctuation-sensitive WER: punctuation stays attached to its word. */
export function sensitiveTokens(text: string): string[] {
  return foldTypography(text).split(/\s+/).filter((t) => t !== "");
}

function stripPunctuation(text: string): string {
  return text
    .replace(/(?<=\d),(?=\d{3}\b)/g, "") // 2,000 -> 2000
    .replace(/(?<=\d)\.(?=\d)/g, "\u0000") // protect decimal points
    .replace(/(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])/gu, " ") // quotes, not apostrophes inside words
    .replace(/[^\p{L}\p{N}'$%\u0000\s]/gu, " ")
    .replace(/\u0000/g, ".")
    .replace(/\s+/g, " ")
    .trim();
}

/** Standard normalisation: lowercase, no punctuation, numbers folded by `fold` (applied the same way to every side). */
export function normaliseText(text: string, fold?: (text: string) => string): string {
  let t = stripPunctuation(foldTypography(text).toLowerCase());
  if (fold !== undefined) t = stripPunctuation(fold(t).toLowerCase());
  return t.replace(/%/g, " percent").replace(/\s+/g, " ").trim();
}

export function normalisedTokens(text: string, fold?: (text: string) => string): string[] {
  const t = normaliseText(text, fold);
  return t === "" ? [] : t.split(" ");
}

/** Per-word key for punctuation/casing alignment: lowercase, curly quotes folded, edge punctuation stripped. */
export function wordKey(token: string): string {
  return foldTypography(token).toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

export type Mark = "." | "," | "?" | null;

/**
 * The punctuation mark after a token: its trailing mark once closing quotes and
 * brackets are skipped ("said.\"" → "."). "!" counts as a period (sentence end)
 * and "..." as a period; ";" ":" and dashes are not scored classes (null).
 */
export function trailingMark(token: string): Mark {
  const t = foldTypography(token).replace(/["')\]]+$/, "");
  const last = t.at(-1);
  if (last === "." || last === "!" || last === "\u2026") return ".";
  if (last === ",") return ",";
  if (last === "?") return "?";
  return null;
}

/** Whether a token's first letter is upper case; null when it starts with no letter (digits, symbols). */
export function firstLetterUpper(token: string): boolean | null {
  const m = /\p{L}/u.exec(token);
  if (m === null || m.index !== token.search(/[\p{L}\p{N}]/u)) return null;
  return m[0] !== m[0].toLowerCase();
}

/**
 * Text as a raw ASR engine gives it: lower case, with no punctuation and no cut-off marks (a word's
 * inner apostrophe and hyphen stay). Applied to both sides, so the reference still aligns.
 */
export function rawAsrForm(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}'\s-]/gu, " ").replace(/(^|\s)['-]+|['-]+(?=\s|$)/g, " ").replace(/\s+/g, " ").trim();
}
