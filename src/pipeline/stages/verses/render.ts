// How a recognised verse and its citation are written, and how the stage
// recognises its own writing again (idempotence: a segment that already
// holds the canonical words and citation is left alone).
import type { Token } from "../../tokens.js";
import { coreOf } from "../itn/span.js";
import type { CitationStyle, ReferenceStyle } from "./options.js";
import type { IndexedVerse } from "./verse-index.js";

/** Canonical words [wordStart, wordEnd) on one line, `separator` where the verse's line changes. */
export function renderWords(entry: IndexedVerse, wordStart: number, wordEnd: number, separator: string): string {
  let out = "";
  for (let w = wordStart; w < wordEnd; w++) {
    if (w > wordStart) out += entry.lineOf[w] !== entry.lineOf[w - 1] ? separator : " ";
    out += entry.words[w]!;
  }
  return out;
}

function numbering(entry: IndexedVerse): string {
  return `${entry.verse.chapter}.${entry.verse.verse}`;
}

/** "(BG 2.47)", "(Bhagavad Gītā 2.47)" or "" per the citation style. */
export function citationText(entry: IndexedVerse, style: CitationStyle): string {
  if (style === "none") return "";
  return `(${style === "short" ? entry.work.abbreviation : entry.work.title} ${numbering(entry)})`;
}

/** A spoken reference written out: "Bhagavad Gītā 2.47", "BG 2.47" or "2.47". */
export function referenceText(entry: IndexedVerse, style: ReferenceStyle): string {
  if (style === "number") return numbering(entry);
  return `${style === "short" ? entry.work.abbreviation : entry.work.title} ${numbering(entry)}`;
}

/** Words of a rendering that carry no sound: line separators. */
const SEPARATOR_ONLY = /^[^\p{L}\p{N}]+$/u;

function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}

/** The tokens already read as canonical words [wordStart, wordEnd) (case aside; separators skipped). */
export function isCanonical(tokens: readonly Token[], entry: IndexedVerse, wordStart: number, wordEnd: number): boolean {
  const written: string[] = [];
  for (const t of tokens) {
    for (const part of t.text.split(" ")) {
      if (part === "" || SEPARATOR_ONLY.test(part)) continue;
      written.push(fold(coreOf(part).core));
    }
  }
  if (written.length !== wordEnd - wordStart) return false;
  for (let k = 0; k < written.length; k++) if (written[k] !== fold(coreOf(entry.words[wordStart + k]!).core)) return false;
  return true;
}

/**
 * The number of tokens from `at` that spell a citation of this verse in any
 * style ("(BG", "2.47)" or "(Bhagavad", "Gītā", "2.47)"), 0 when none does.
 */
export function citationTokensAt(tokens: readonly Token[], at: number, entry: IndexedVerse): number {
  for (const style of ["short", "long"] as const) {
    const words = citationText(entry, style).split(" ");
    if (at + words.length > tokens.length) continue;
    let k = 0;
    while (k < words.length && fold(tokens[at + k]!.text).startsWith(fold(words[k]!))) k++;
    if (k === words.length) return k;
  }
  return 0;
}
