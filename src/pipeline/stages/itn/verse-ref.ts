// verse_ref: spoken references — "chapter two verse forty seven" -> "2.47"
// (or "chapter 2 verse 47" with verse_format: words), "verses five to seven"
// -> "verses 5-7", "section three" -> "section 3", "section three point two" ->
// "section 3.2". Numbers after a reference word are labels, so the small-number
// policy does not apply.
import { readDottedParts } from "./amount.js";
import { readPairedYear } from "./date.js";
import { readCardinal } from "./numbers.js";
import { REFERENCE_WORDS, type ClassMatcher, type MatchContext } from "./span.js";

const CONFIDENCE = 0.85;

function readNumber(c: MatchContext, i: number, end: number): { value: string; end: number } | null {
  const card = readCardinal(c.t, c.words, i, end);
  // A number said in pairs is read whole ("pages five to nineteen ninety" ends at 1990, not at 19).
  const paired = readPairedYear(c, i, end);
  if (paired !== null && /^\d+$/.test(paired.text) && (card === null || paired.end > card.end)) return { value: paired.text, end: paired.end };
  if (card === null || card.value === 0n) return null;
  // "section three point two" -> "section 3.2": a subsection number, each part said as a number.
  const parts = readDottedParts(c, card.end, end, (k) => {
    const part = readCardinal(c.t, c.words, k, end);
    return part && { text: part.value.toString(), end: part.end };
  });
  return { value: card.value.toString() + parts.text, end: parts.end };
}

/** "five to seven" / "five through seven" -> "5-7", or a single number. */
function readNumberOrRange(c: MatchContext, i: number, end: number): { value: string; end: number } | null {
  const a = readNumber(c, i, end);
  if (a === null) return null;
  const w = c.words[a.end];
  if ((w === "to" || w === "through") && a.end < end) {
    const b = readNumber(c, a.end + 1, end);
    if (b !== null) return { value: `${a.value}${c.o.rangeDash}${b.value}`, end: b.end };
  }
  return a;
}

export const matchVerseRef: ClassMatcher = (c, i, end) => {
  const head = c.words[i]!;
  if (!REFERENCE_WORDS.has(head)) return null;
  if (head === "chapter") {
    const chapter = readNumber(c, i + 1, end);
    if (chapter === null) return null;
    const v = chapter.end;
    if ((c.words[v] === "verse" || c.words[v] === "verses") && v < end) {
      const verse = readNumberOrRange(c, v + 1, end);
      if (verse !== null) {
        const text = c.o.verseFormat === "dotted" ? `${chapter.value}.${verse.value}` : `${c.raw[i]} ${chapter.value} ${c.raw[v]} ${verse.value}`;
        return { end: verse.end, text, confidence: CONFIDENCE };
      }
    }
    return { end: chapter.end, text: `${c.raw[i]} ${chapter.value}`, confidence: CONFIDENCE };
  }
  const n = readNumberOrRange(c, i + 1, end);
  return n === null ? null : { end: n.end, text: `${c.raw[i]} ${n.value}`, confidence: CONFIDENCE };
};
