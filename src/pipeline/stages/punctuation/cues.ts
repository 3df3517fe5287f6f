// Word lists the rules read (config/punctuation/*.txt, loaded by
// src/resources/load.ts): question forms that open a sentence, discourse cues
// that take a comma when they open one, and words after which a sentence does
// not end (articles, prepositions, conjunctions: "… and the" is cut speech).
// Entries are lowercase phrases of one or two words.

export interface PunctuationCues {
  /** Sentence openings that make a question: "do you", "what is", "isn't it". */
  readonly questionStarts: ReadonlySet<string>;
  /** Sentence-initial discourse cues followed by a comma: "however", "for example". */
  readonly commaCues: ReadonlySet<string>;
  /** Words a sentence does not end on. */
  readonly openWords: ReadonlySet<string>;
  /** Fillers ("you know") never set off by a comma, before or after. */
  readonly noCommaAround: ReadonlySet<string>;
}

export const EMPTY_CUES: PunctuationCues = { questionStarts: new Set(), commaCues: new Set(), openWords: new Set(), noCommaAround: new Set() };

export interface PunctuationCueSources {
  questionStarts?: readonly string[];
  commaCues?: readonly string[];
  openWords?: readonly string[];
  noCommaAround?: readonly string[];
}

export function buildCues(sources: PunctuationCueSources): PunctuationCues {
  return {
    questionStarts: new Set(sources.questionStarts ?? []),
    commaCues: new Set(sources.commaCues ?? []),
    openWords: new Set(sources.openWords ?? []),
    noCommaAround: new Set(sources.noCommaAround ?? []),
  };
}

/** The sentence opens as a question: its first word, or first two words, are a listed question form. */
export function isQuestionStart(cues: PunctuationCues, first1: string, first2: string): boolean {
  return cues.questionStarts.has(first1) || (first2 !== "" && cues.questionStarts.has(`${first1} ${first2}`));
}

/**
 * Length (1 or 2 words) of the discourse cue that opens the sentence at
 * keys[i], or 0. A cue must be followed by more words in the segment.
 */
export function commaCueLength(cues: PunctuationCues, keys: readonly string[], i: number): number {
  if (i + 2 < keys.length && cues.commaCues.has(`${keys[i]} ${keys[i + 1]}`)) return 2;
  if (i + 1 < keys.length && cues.commaCues.has(keys[i]!)) return 1;
  return 0;
}

/**
 * A comma after keys[i] would split a repeated word ("is, is") or set off a
 * listed filler ("of, you know"; "you know, we"): both read as disfluencies on
 * the next pass, so the stage leaves such a slot to the disfluency stage.
 */
export function commaForbidden(cues: PunctuationCues, keys: readonly string[], i: number): boolean {
  const next = keys[i + 1] ?? "";
  if (next !== "" && next === keys[i]) return true;
  const around = cues.noCommaAround;
  if (around.size === 0) return false;
  const before1 = keys[i]!;
  const before2 = i > 0 ? `${keys[i - 1]} ${before1}` : "";
  const after2 = `${next} ${keys[i + 2] ?? ""}`;
  return around.has(before1) || around.has(before2) || around.has(next) || around.has(after2);
}
