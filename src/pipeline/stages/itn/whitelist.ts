// whitelist (off unless asked; on in the nemo style): fixed phrases from a
// table — "doctor" -> "dr.", "for example" -> "e.g.". The first letter keeps
// the speaker's case ("Doctor dao" -> "Dr. dao"). The letter pairs ("s and p"
// -> "S&P") are read here too, since the nemo style leaves the letters class out.
import { matchPhrase } from "./tables.js";
import type { ClassMatcher } from "./span.js";

const CONFIDENCE = 0.7;

export const matchWhitelist: ClassMatcher = (c, i, end) => {
  const m = matchPhrase(c.t.whitelist, c.words, i, end) ?? matchPhrase(c.t.letterPairs, c.words, i, end);
  if (m === null) return null;
  const first = c.raw[i]![0]!;
  const upper = first !== first.toLowerCase();
  const w = m.value;
  const text = upper ? w[0]!.toUpperCase() + w.slice(1) : w;
  return { end: m.end, text, confidence: CONFIDENCE };
};
