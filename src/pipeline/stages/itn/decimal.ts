// decimal: "eighteen point o five" -> "18.05", "point two" -> ".2", and amounts
// with a kept scale word: "five point two million" -> "5.2 million",
// "four hundred million" -> "400 million".
import { readAmount } from "./amount.js";
import type { ClassMatcher } from "./span.js";

const CONFIDENCE = 0.9;

export const matchDecimal: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end);
  if (a === null || a.integer !== undefined) return null;
  return { end: a.end, text: a.number + a.scale, confidence: CONFIDENCE };
};
