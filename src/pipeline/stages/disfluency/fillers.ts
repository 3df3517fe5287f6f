// Rule `filler`: hesitation sounds from the profile's list ("um", "uh", ...).
// A filler is removed whole with the pause/end marks it carries; the tidy-up of
// its neighbours is apply.ts's job.
import type { Removal } from "./apply.js";
import type { DisfluencyOptions } from "./options.js";
import { isFigure, type WordView } from "./words.js";

/** True when the word is a listed filler (rules that skip over fillers use this too). */
export function isFiller(w: WordView, o: DisfluencyOptions): boolean {
  return o.fillers.has(w.core);
}

/** Fillers that are also unit symbols: after a figure "mm" is millimetres ("98.43 mm", "16 mm long"). */
const UNIT_SOUNDS: ReadonlySet<string> = new Set(["mm"]);

/**
 * "whatever we created as MM was ours": in text that has small letters, a filler's letters all in
 * capitals spell a name (a podcast, a university). In text all in capitals no word can show that.
 */
function spellsName(words: readonly WordView[], i: number): boolean {
  return words[i]!.acronym && words.some(hasSmallLetter);
}

/** A word of two letters or more that is not all capitals, or a lone small letter. */
function hasSmallLetter(w: WordView): boolean {
  return !w.acronym && LETTER.test(w.core) && !(w.capitalised && w.core.length === 1);
}
const LETTER = /\p{L}/u;

export function findFillers(words: readonly WordView[], o: DisfluencyOptions): Removal[] {
  const found: Removal[] = [];
  for (let i = 0; i < words.length; i++) {
    const confidence = o.fillers.get(words[i]!.core);
    if (confidence === undefined) continue;
    if (UNIT_SOUNDS.has(words[i]!.core) && i > 0 && isFigure(words[i - 1]!.core) && words[i - 1]!.trail === "") continue;
    if (spellsName(words, i)) continue;
    // "Ah!" written with its exclamation mark is an exclamation, not a pause filled.
    if (words[i]!.trail.startsWith("!")) continue;
    found.push({ start: i, end: i + 1, rule: "filler", confidence });
  }
  return found;
}
