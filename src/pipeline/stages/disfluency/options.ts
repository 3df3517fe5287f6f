// The disfluency stage's settings: one class switch per rule family and the
// editable word lists, validated up front (a typo is an error, not a default).
import { OptionReader, type BaseStageOptions, type ResolvedStageSettings } from "../../stage.js";

export const DEFAULT_FILLERS: readonly string[] = ["um", "uh", "er", "ah", "hmm", "mm", "erm", "uhm", "mm-hmm"];

/**
 * Words whose doubling is grammatical or idiomatic ("had had", "that that",
 * "bye bye", "very very"): not removed as a repetition, except "is is" and "so
 * so" outside their grammatical shapes (repetitions.ts). Numbers are always
 * exempt ("five five five" is a phone number).
 */
export const DEFAULT_LEGIT_DOUBLES: readonly string[] = [
  "had", "that", "bye", "very", "really", "so", "ha", "haha", "knock", "blah", "no", "yes", "yeah", "okay", "now",
  "go", "more", "much", "many", "far", "long", "again", "over", "on", "round", "around", "is", "do", "tsk", "hush",
  "chop", "pretty", "too", "well", "come", "you",
];

/** Phrases that announce a reformulation; the phrase itself is dropped, what follows stays. */
export const DEFAULT_MARKER_PHRASES: readonly string[] = [
  "let me rephrase that", "let me rephrase", "let me put that another way", "let me put it another way",
  "let me put it differently", "let me say that again", "let me correct that", "let me correct myself",
  "scratch that", "strike that",
];

export type DisfluencyRule = "filler" | "discourse_filler" | "repetition" | "self_repair" | "marker_phrase";

export interface DisfluencyOptions extends BaseStageOptions {
  rules: Readonly<Record<DisfluencyRule, boolean>>;
  /** Lowercased filler -> confidence that removing it is right. */
  fillers: ReadonlyMap<string, number>;
  legitDoubles: ReadonlySet<string>;
  /** Marker phrases as lowercase word arrays, longest first so the longest match wins. */
  markerPhrases: readonly (readonly string[])[];
  /**
   * The input is typed, not spoken (chat, search queries): a writer marks a correction with an
   * unpunctuated "no", "rather", "wait" or "uh" between two words ("Peru rather Chile"). In speech
   * those are mostly words ("had on board no cargo", "turn rather close"), so profiles for ASR keep this off.
   */
  typedCorrections: boolean;
}

/** Sounds that are never words in English: removing them cannot lose meaning. */
const HESITATION_SOUNDS = new Set(["um", "umm", "uh", "uhh", "uhm", "er", "erm", "hm", "hmm", "mm", "mmm", "mhm"]);
/** Interjections or backchannels that usually hesitate but can carry meaning ("Ah, I see", "Mm-hmm." = yes). */
const INTERJECTIONS = new Set(["ah", "oh", "eh", "ahh", "ohh", "mm-hmm", "uh-huh"]);
const HESITATION_CONFIDENCE = 0.95;
const INTERJECTION_CONFIDENCE = 0.8;
/** A user-listed word we know nothing about; may well be content elsewhere. */
const CUSTOM_FILLER_CONFIDENCE = 0.7;

const MAX_LIST = 500;
const MAX_ITEM_LENGTH = 40;
const SINGLE_WORD = /^[\p{L}\p{M}\p{N}'’]+(?:-[\p{L}\p{M}\p{N}'’]+)*$/u;
const PHRASE = /^[\p{L}\p{M}\p{N}'’]+(?: [\p{L}\p{M}\p{N}'’]+){0,7}$/u;

function fillerConfidence(filler: string): number {
  if (HESITATION_SOUNDS.has(filler)) return HESITATION_CONFIDENCE;
  if (INTERJECTIONS.has(filler)) return INTERJECTION_CONFIDENCE;
  return CUSTOM_FILLER_CONFIDENCE;
}

/** Reads a list param and checks every item against `shape`; returns lowercased items. */
function readList(r: OptionReader, name: string, defaults: readonly string[], shape: RegExp, what: string): string[] {
  const list = r.stringList(name, defaults) ?? [];
  if (list.length > MAX_LIST) r.fail(`params.${name}`, `at most ${MAX_LIST} items, got ${list.length}`);
  const items: string[] = [];
  for (const item of list) {
    if (item.length > MAX_ITEM_LENGTH) r.fail(`params.${name}`, `"${item.slice(0, 20)}…" is longer than ${MAX_ITEM_LENGTH} characters`);
    else if (!shape.test(item)) r.fail(`params.${name}`, `"${item}" must be ${what}`);
    else items.push(item.toLowerCase().replace(/\u2019/g, "'"));
  }
  return items;
}

export function parseDisfluencyOptions(settings: ResolvedStageSettings): DisfluencyOptions {
  const r = new OptionReader("disfluency", settings);
  const rules: Record<DisfluencyRule, boolean> = {
    filler: r.classEnabled("filler"),
    discourse_filler: r.classEnabled("discourse_filler"),
    repetition: r.classEnabled("repetition"),
    self_repair: r.classEnabled("self_repair"),
    marker_phrase: r.classEnabled("marker_phrase"),
  };
  const applyThreshold = r.applyThreshold();
  const fillers = new Map<string, number>();
  for (const f of readList(r, "fillers", DEFAULT_FILLERS, SINGLE_WORD, "a single word without spaces or punctuation")) {
    fillers.set(f, fillerConfidence(f));
  }
  const legitDoubles = new Set(readList(r, "legit_doubles", DEFAULT_LEGIT_DOUBLES, SINGLE_WORD, "a single word"));
  const markerPhrases = readList(r, "marker_phrases", DEFAULT_MARKER_PHRASES, PHRASE, "words separated by single spaces")
    .map((p) => p.split(" "))
    .sort((a, b) => b.length - a.length);
  const typedCorrections = r.boolean("typed_corrections", false);
  r.finish();
  return { applyThreshold, rules, fillers, legitDoubles, markerPhrases, typedCorrections };
}
