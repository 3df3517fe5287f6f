// A ruler's name and ordinal ("Henry the eighth", "louis the fourteenth"): the roman class writes it
// "Henry VIII" where asked; otherwise the ordinal of a listed name is left as said, never "Louis the 14th".
import type { MatchContext } from "./span.js";

/** The name before "the" as written: a capitalised word as said, a listed name capitalised; null for neither. */
export function regnalName(c: MatchContext, i: number): string | null {
  const raw = c.raw[i]!;
  if (raw[0] !== undefined && raw[0] !== raw[0].toLowerCase()) return raw;
  return c.t.regnalNames.get(c.words[i]!) ?? null;
}

/**
 * Words after which a ruler's ordinal has ended: "Henry the eighth of England", "George the third
 * was", "Louis the fourteenth and". A noun or "to" after it makes it a rank ("the first time",
 * "the first to arrive").
 */
const AFTER_NAME: ReadonlySet<string> = new Set([
  "of", "and", "or", "was", "is", "had", "has", "who", "whose", "which", "that", "in", "on", "at", "for", "by", "with", "from",
  "were", "would", "could", "did", "himself", "herself", "as", "when", "after", "before", "but", "then", "also", "died", "reigned",
  "ruled", "married", "became", "came", "went", "took", "gave", "made", "left", "led", "fought", "sent", "won", "lost", "built",
  "wrote", "said", "saw", "began", "fell", "held", "kept", "having", "being",
]);
const PAST = /^[a-z]{3,}ed$/;

/** The ordinal ending at k ends the name: a pause or the end, a word from AFTER_NAME, a past verb, or another name. */
export function endsName(c: MatchContext, k: number): boolean {
  const next = c.words[k];
  if (next === undefined || c.runEnd[k - 1] !== c.runEnd[k]) return true;
  // A number word's capital is no name's: ITN drops it when it writes the number ("FIRST" -> "1st").
  const raw = c.raw[k]!;
  const capitalised = raw[0] !== undefined && raw[0] !== raw[0].toLowerCase() && !c.t.numbers.has(next) && !c.t.ordinals.has(next);
  return AFTER_NAME.has(next) || PAST.test(next) || capitalised || c.names.names.has(next) || c.t.regnalNames.has(next);
}

/**
 * words[i] opens the ordinal of a ruler's name: a listed name and "the" before it, and the ordinal ending at
 * `ordEnd` ends the name. Only listed names: any capital would take "On the fourteenth, we left" for a ruler.
 */
export function rulersOrdinalAt(c: MatchContext, i: number, ordEnd: number): boolean {
  return i >= 2 && c.words[i - 1] === "the" && c.runEnd[i - 2] === c.runEnd[i] && c.t.regnalNames.has(c.words[i - 2]!) && endsName(c, ordEnd);
}
