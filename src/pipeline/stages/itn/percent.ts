// percent: "eighteen point one four percent" -> "18.14%" ("18.14 %" in the nemo style).
import { readAmount } from "./amount.js";
import type { ClassMatcher } from "./span.js";

const CONFIDENCE = 0.95;

export const matchPercent: ClassMatcher = (c, i, end) => {
  const a = readAmount(c, i, end);
  if (a === null || a.scale !== "") return null;
  let j = a.end;
  if (c.words[j] === "percent" && j < end) j += 1;
  else if (c.words[j] === "per" && c.words[j + 1] === "cent" && j + 1 < end) j += 2;
  else return null;
  return { end: j, text: `${a.number}${c.o.percentSpace ? " " : ""}%`, confidence: CONFIDENCE };
};
