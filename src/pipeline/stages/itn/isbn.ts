// ISBNs, a kind of digit string (telephone.ts reads the digits): after the
// label "ISBN" (said "i s b n" or written), ten or thirteen digits (an ISBN-10
// may end in "x") are written as the ISBN agency hyphenates them: "i s b n
// three seven seven o five three three eight o one" -> "ISBN 3-7705-3380-1".
// Where the hyphens go depends on the registration group and publisher ranges,
// which isbn3 carries (the agency's published table); a string whose check
// digit fails stays plain digits, never laid out as a phone number.
import { parse } from "isbn3";
import type { MatchContext, SpanMatch } from "./span.js";

const SPOKEN_LABEL = ["i", "s", "b", "n"];
const CONFIDENCE = 0.8;
const UNCHECKED_CONFIDENCE = 0.7;

/** words[j] follows the label, with nothing or a colon between ("ISBN: …"). */
export function afterIsbnLabel(c: MatchContext, j: number): boolean {
  const gap = c.punctBefore[j];
  if (gap !== "" && gap !== ":") return false;
  if (c.words[j - 1] === "isbn") return true;
  const from = j - SPOKEN_LABEL.length;
  if (from < 0) return false;
  for (let k = 0; k < SPOKEN_LABEL.length; k++) {
    if (c.words[from + k] !== SPOKEN_LABEL[k] || (k > 0 && c.punctBefore[from + k] !== "")) return false;
  }
  return true;
}

/** The ISBN from digits read after the label (ending at `end`; a final "x" may follow an ISBN-10's nine digits). */
export function readIsbn(c: MatchContext, digits: { digits: string; end: number }, runEnd: number): SpanMatch {
  let text = digits.digits;
  let end = digits.end;
  if (text.length === 9 && end < runEnd && c.words[end] === "x") {
    text += "X";
    end++;
  }
  const isbn = text.length === 10 || text.length === 13 ? parse(text) : null;
  if (isbn === null) return { end, text, confidence: UNCHECKED_CONFIDENCE };
  return { end, text: isbn.isIsbn13 ? isbn.isbn13h : isbn.isbn10h!, confidence: CONFIDENCE };
}
